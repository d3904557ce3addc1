/**
 * Officers create a programme; the demo seed uses the same path. Documents get
 * deterministic ids, sessions and quotas are written before the programme so
 * a visible programme never lacks its places, and a retry inserts only what is
 * missing.
 */
import type { Clock } from '../common/clock'
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { fail } from '../common/errors'
import type { CreateProgrammeRequest, ProgrammeDTO } from '~types/screening'
import { audienceWithin, type OfficerScope, type Owner, ownedWhere } from '../common/unions'
import { createCatalogRepository, type CatalogRepository } from './catalog.repository'
import type { ProgrammeDoc, QuotaDoc, SessionDoc, SiteDoc } from './screening.docs'
import { programmeDTO } from './screening.dto'
import { beijingInstant } from '../common/time'

interface ProgrammeDocs {
  programme: ProgrammeDoc
  sites: SiteDoc[]
  sessions: SessionDoc[]
  quotas: QuotaDoc[]
}

/** Each site's sessions, with deterministic ids (a retried create or seed writes the same documents). */
function sessionDocs(req: CreateProgrammeRequest): SessionDoc[] {
  return req.sites.flatMap((site) =>
    site.sessions.map((s) => ({
      _id: `${req.id}-${site.id}-${s.date}-${s.start.replace(':', '')}`,
      programmeId: req.id,
      siteId: site.id,
      date: s.date,
      start: s.start,
      end: s.end,
      startAt: beijingInstant(s.date, s.start),
      endAt: beijingInstant(s.date, s.end),
      capacity: s.capacity,
      left: s.capacity,
      holders: {},
    })),
  )
}

type Made = Pick<ProgrammeDoc, 'createdAt' | 'createdBy' | 'requestId'>

function programmeDoc(req: CreateProgrammeRequest, sessions: SessionDoc[], quotas: QuotaDoc[], made: Made, owner: Owner): ProgrammeDoc {
  const days = sessions.map((s) => s.date).sort()
  return {
    _id: req.id,
    name: req.name,
    description: req.description,
    ...owner,
    privacyNotice: req.privacyNotice,
    // a district's or grassroots union's programme is for its own members (issue 20)
    eligibility: { ...req.eligibility, within: audienceWithin(owner) },
    priority: req.priority ?? null,
    totalQuota: req.totalQuota,
    branchQuotas: quotas.map((q) => ({ branch: q.branch, quotaId: q._id, quota: q.quota })),
    siteIds: req.sites.map((s) => s.id),
    releaseAt: req.releaseAt,
    bookingClosesAt: req.bookingClosesAt,
    cancelDeadlineHours: req.cancelDeadlineHours,
    offerHoldMinutes: req.offerHoldMinutes ?? 30,
    checkinToleranceMinutes: req.checkinToleranceMinutes ?? 30,
    firstDay: days[0] ?? '',
    lastDay: days[days.length - 1] ?? '',
    ...made,
  }
}

/** `owner`: unions.ts ownerFor (the seed names its own); without one, the typed 主办 and no place in the tree. */
export function programmeDocs(
  req: CreateProgrammeRequest,
  now: number,
  createdBy: string,
  requestId: string | null = null,
  owner: Owner = { unionId: null, unionPath: [], organiser: req.organiser ?? '' },
): ProgrammeDocs {
  const sessions = sessionDocs(req)
  const quotas: QuotaDoc[] = (req.branchQuotas ?? []).map((q, i) => ({
    _id: `${req.id}-q${i + 1}`,
    programmeId: req.id,
    branch: q.branch,
    quota: q.quota,
    left: q.quota,
    holders: {},
  }))
  const stamp = { unionId: owner.unionId, unionPath: owner.unionPath }
  const sites: SiteDoc[] = req.sites.map(({ id, sessions: _s, ...rest }) => ({ _id: id, ...rest, ...stamp }))
  return { programme: programmeDoc(req, sessions, quotas, { createdAt: now, createdBy, requestId }, owner), sites, sessions, quotas }
}

/** Cross-field checks the schema cannot express; the first failing field is named. */
export function programmeProblem(req: CreateProgrammeRequest): string | null {
  const total = req.sites.reduce((n, s) => n + s.sessions.reduce((m, x) => m + x.capacity, 0), 0)
  if (total !== req.totalQuota) return 'totalQuota'
  if (req.bookingClosesAt <= req.releaseAt) return 'bookingClosesAt'
  if (req.sites.some((s) => s.sessions.some((x) => x.end <= x.start))) return 'sites'
  if (new Set(req.sites.map((s) => s.id)).size !== req.sites.length) return 'sites'
  const bq = req.branchQuotas ?? []
  if (new Set(bq.map((q) => q.branch)).size !== bq.length) return 'branchQuotas'
  return null
}

/** Sessions and quotas before the programme, so a visible programme never lacks its places. */
async function insertAll(repo: CatalogRepository, d: ProgrammeDocs): Promise<void> {
  await repo.insertMissing(COLLECTIONS.screeningSites, d.sites)
  await repo.insertMissing(COLLECTIONS.screeningSessions, d.sessions)
  await repo.insertMissing(COLLECTIONS.screeningQuotas, d.quotas)
  await repo.insertMissing(COLLECTIONS.screeningProgrammes, [d.programme])
}

/** The demo seed and the bench write a programme the way an officer does. */
export function saveProgramme(db: Db, d: ProgrammeDocs): Promise<void> {
  return insertAll(createCatalogRepository(db), d)
}

export function createProgrammeService({ clock, catalog }: { clock: Clock; catalog: CatalogRepository }) {
  async function dtoOf(programme: ProgrammeDocs['programme']): Promise<ProgrammeDTO> {
    const [sites, sessions, quotas] = await Promise.all([
      catalog.sites(programme.siteIds),
      catalog.sessions({ programmeId: programme._id }),
      catalog.quotas(programme._id),
    ])
    return programmeDTO(programme, sites, sessions, quotas, clock())
  }

  return {
    async create(openid: string, req: CreateProgrammeRequest, requestId: string | null, owner: Owner): Promise<ProgrammeDTO> {
      const problem = programmeProblem(req)
      if (problem) fail('INVALID_ARGUMENT', problem)
      if (await catalog.programme(req.id)) fail('CONFLICT', 'id')
      const d = programmeDocs(req, clock(), openid, requestId, owner)
      await insertAll(catalog, d)
      return programmeDTO(d.programme, d.sites, d.sessions, d.quotas, clock())
    },

    /** The programmes her subtree owns, newest release first (the admin page's choices). */
    async ownedBy(scope: OfficerScope): Promise<ProgrammeDTO[]> {
      const list = (await catalog.listProgrammes(ownedWhere(scope))).sort((a, b) => b.releaseAt - a.releaseAt)
      return Promise.all(list.map(dtoOf))
    },

    /** The programme this request created, for its same-id retry (`recover`); a half-written one is finished by running again. */
    async createdBy(programmeId: string, requestId: string | null): Promise<ProgrammeDTO | null> {
      const p = requestId ? await catalog.programme(programmeId) : null
      return p && p.requestId === requestId ? dtoOf(p) : null
    },
  }
}
