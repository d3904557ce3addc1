/**
 * Officers: mixers, review with the balance in view, aggregate figures only.
 * Nothing here reads picks, tokens, matches or contacts (the pairs count is
 * the number the matching wrote on the mixer). Each mixer is owned by a union
 * (issue 20): the router refuses a mixer outside her subtree, lists narrow here.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Clock } from '../common/clock'
import { fail } from '../common/errors'
import { audienceWithin, type Owner } from '../common/unions'
import {
  SECTORS,
  type FiguresDTO,
  type Gender,
  type MixerDTO,
  type ProgrammeDTO,
  type ReviewDTO,
  type SaveMixerRequest,
  type Sector,
} from '~types/matchmaking'
import { mixerTimesProblem } from '~types/mixer-times'
import { figure } from './figures.rules'
import type { MixerDoc, SignupDoc } from './matchmaking.docs'
import { mixerDTO } from './matchmaking.dto'
import { genderPlaceId, sectorPlaceId, type MixerRepository } from './mixer.repository'
import type { ReviewService } from './officer-review.service'
import type { SignupService } from './signup.service'
import type { SignupRepository } from './signup.repository'

export interface OfficerDeps {
  clock: Clock
  mixers: MixerRepository
  signups: SignupRepository
  signup: SignupService
  review: ReviewService
}

/** A new mixer's id: from the request id when there is one, so a retried save finds (and finishes) the same mixer. */
const newMixerId = (requestId: string | null) =>
  `mx-${requestId ? createHash('sha256').update(`mixer:${requestId}`).digest('hex').slice(0, 12) : randomBytes(6).toString('hex')}`
const SIGNED: SignupDoc['state'][] = ['review', 'approved', 'waiting', 'offered', 'rejected']

/** Raw counts → figures with '<5'; kept on the mixer when the personal data goes. */
export function figuresOf(m: MixerDoc, rows: SignupDoc[]): FiguresDTO {
  const count = (f: (d: SignupDoc) => boolean) => rows.filter(f).length
  const per = (f: (d: SignupDoc) => boolean): Record<Gender, number | '<5'> => ({
    M: figure(count((d) => d.gender === 'M' && f(d))),
    F: figure(count((d) => d.gender === 'F' && f(d))),
  })
  const signed = (d: SignupDoc) => SIGNED.includes(d.state) || !!d.checkedInAt
  return {
    mixerId: m._id,
    title: m.title,
    signedUp: per(signed),
    approved: per((d) => d.state === 'approved'),
    checkedIn: per((d) => !!d.checkedInAt),
    bySector: SECTORS.map((s) => ({
      sector: s,
      signedUp: figure(count((d) => d.profile.sector === s && signed(d))),
      approved: figure(count((d) => d.profile.sector === s && d.state === 'approved')),
      checkedIn: figure(count((d) => d.profile.sector === s && !!d.checkedInAt)),
    })),
    pairs: m.pairs === null ? null : figure(m.pairs),
  }
}

export function createOfficerService({ clock, mixers, signups, review }: OfficerDeps) {
  async function mixer(id: string): Promise<MixerDoc> {
    const m = await mixers.fresh(id)
    if (!m) fail('NOT_FOUND', 'mixerId')
    return m
  }

  const row = review.row

  return {
    /**
     * Places first (each moved once per change of capacity, place-store's conditional), then the mixer carrying
     * the request id. `owner`: who runs a new one (ownerFor); an edit keeps its owner. A district's or grassroots
     * union's mixer is for its own subtree's members (`within`, the kit's roster rule explains it).
     */
    async save(i: SaveMixerRequest, requestId: string | null, owner: () => Promise<Owner>): Promise<MixerDTO> {
      const times = mixerTimesProblem(i)
      if (times) fail('INVALID_ARGUMENT', times.field, times.message)
      if (i.ageMax < i.ageMin) fail('INVALID_ARGUMENT', 'ageMax', '最大年龄不能小于最小年龄')
      const old = i.id ? await mixer(i.id) : null
      if (old && old.phase !== 'open') fail('CONFLICT', undefined, '活动已结束匹配，不能再修改')
      if (old && i.unionId && i.unionId !== (old.unionId ?? null)) fail('INVALID_ARGUMENT', 'unionId', '主办单位保存后不能更改')
      const now = clock()
      const { id: _ignored, unionId: _named, organiser: typed, ...input } = i
      const o = old ? { unionId: old.unionId ?? null, unionPath: old.unionPath ?? [], organiser: old.organiser } : await owner()
      const within = audienceWithin(o)
      const doc: MixerDoc = {
        ...input,
        unionId: o.unionId,
        unionPath: o.unionPath,
        // before the tree (no owner) the typed name stands
        organiser: o.organiser || typed || '',
        within,
        _id: old?._id ?? newMixerId(requestId),
        phase: 'open',
        badgeSeq: old?.badgeSeq ?? 0,
        matchingAt: null,
        pairs: null,
        figures: null,
        requestId,
        createdAt: old?.createdAt ?? now,
        updatedAt: now,
      }
      for (const g of ['M', 'F'] as const) {
        await mixers.setCapacity(genderPlaceId(doc._id, g), doc._id, doc.placesByGender[g], old?.placesByGender[g] ?? doc.placesByGender[g])
      }
      for (const [s, n] of Object.entries(doc.sectorQuotas) as [Sector, number][]) {
        await mixers.setCapacity(sectorPlaceId(doc._id, s), doc._id, n, old?.sectorQuotas[s] ?? n)
      }
      await mixers.save(doc)
      return mixerDTO(doc)
    },
    /** The mixer a same-id `save` wrote (a new one's id comes from the request id). */
    async savedBy(i: SaveMixerRequest, requestId: string | undefined): Promise<MixerDTO | null> {
      const m = requestId ? await mixers.fresh(i.id ?? newMixerId(requestId)) : null
      return m && m.requestId === requestId ? mixerDTO(m) : null
    },
    async review(mixerId: string): Promise<ReviewDTO> {
      const m = await mixer(mixerId)
      const rows = (await signups.ofMixer(mixerId)).filter((d) => SIGNED.includes(d.state))
      const balance = (['F', 'M'] as const).flatMap((gender) =>
        SECTORS.map((sector) => {
          const here = rows.filter((d) => d.gender === gender && d.profile.sector === sector)
          return {
            gender,
            sector,
            review: here.filter((d) => d.state === 'review').length,
            approved: here.filter((d) => d.state === 'approved').length,
            waiting: here.filter((d) => d.state === 'waiting').length,
          }
        }),
      )
      const order = (d: SignupDoc) => ['review', 'offered', 'waiting', 'approved', 'rejected'].indexOf(d.state) * 1e6 + (d.seq ?? 0)
      return {
        mixer: mixerDTO(m),
        balance,
        rows: await Promise.all(rows.sort((a, b) => order(a) - order(b) || a.signedUpAt - b.signedUpAt).map(row)),
      }
    },
    /** One decision (the rules: officer-review.service.ts, shared with `decideMany`). */
    decide: review.decide,
    /** The decision a same-id `decide` made. */
    decidedBy: review.decidedBy,
    async figures(mixerId: string): Promise<FiguresDTO> {
      const m = await mixer(mixerId)
      if (m.phase === 'purged' && m.figures) return m.figures
      return figuresOf(m, await signups.ofMixer(mixerId))
    },
    /** Her subtree's mixers (`where`: unions.ts ownedWhere), newest first. */
    mine: async (where: { unionPath?: string }): Promise<MixerDTO[]> => (await mixers.owned(where)).map(mixerDTO),
    /** A programme's figures over her subtree's mixers only. */
    async programme(programme: string, where: { unionPath?: string } = {}): Promise<ProgrammeDTO> {
      const list = await mixers.byProgramme(programme, where)
      const raw = await Promise.all(
        list.map(async (m) => (m.phase === 'purged' ? { m, rows: null } : { m, rows: await signups.ofMixer(m._id) })),
      )
      const mixersOut = raw.map(({ m, rows }) => m.figures ?? figuresOf(m, rows ?? []))
      // Totals from exact counts, masked once at the end (summing masked figures would hide or invent people).
      const all = raw.flatMap((r) => r.rows ?? [])
      const t = figuresOf({ ...list[0], pairs: list.reduce((n, m) => n + (m.pairs ?? 0), 0) } as MixerDoc, all)
      return {
        programme,
        mixers: mixersOut,
        totals: { signedUp: t.signedUp, approved: t.approved, checkedIn: t.checkedIn, pairs: list.length ? t.pairs : null },
      }
    },
  }
}
