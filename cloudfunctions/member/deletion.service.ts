/**
 * The officers' deletion queue. Carrying out a request asks every service to
 * erase what may be erased now and to say what it keeps and why (DataProvider);
 * what may go later (an unfinished booking) leaves the request `partly` done,
 * to be carried out again. Until an officer carries it out she stays a
 * member; a member who unbound and verified again after asking has withdrawn
 * the request: nothing of hers is erased.
 */
import type { AuditLog } from '../common/audit'
import type { Clock } from '../common/clock'
import { fail } from '../common/errors'
import { maskName } from '../common/mask'
import { memberRef } from '../common/member-ref'
import type { ErasureReport } from '../common/my-data'
import { covers, type OfficerScope } from '../common/unions'
import type { DeletionRequestDTO, ListDeletionRequestsRequest } from '~types/member'
import type { DeletionChange, DeletionRepository, DeletionRequestDoc } from './deletion.repository'
import { deletionStatus } from './member.dto'
import type { BoundProviders } from './my-data.providers'
import type { RosterRepository } from './roster.repository'
import type { UserRepository } from './user.repository'

interface Deps {
  clock: Clock
  deletions: DeletionRepository
  roster: RosterRepository
  users: UserRepository
  data: BoundProviders
  /** member's own part (the account itself), and her remembered call outcomes (idempotency markers). */
  eraseCore: (openid: string) => Promise<ErasureReport>
  eraseRequests: (openid: string) => Promise<number>
  audit: AuditLog
}

const WITHDRAWN = { erased: [], kept: [{ what: '全部数据', why: '申请后已重新认证，视为撤回申请' }] }

function merge(reports: ErasureReport[]): { erased: string[]; kept: { what: string; why: string }[]; later: boolean } {
  const kept = reports.flatMap((r) => r.kept)
  return { erased: reports.flatMap((r) => r.erased), kept: kept.map(({ what, why }) => ({ what, why })), later: kept.some((k) => k.later) }
}

export function createDeletionService({ clock, deletions, roster, users, data, eraseCore, eraseRequests, audit }: Deps) {
  async function toDTOs(docs: DeletionRequestDoc[]): Promise<DeletionRequestDTO[]> {
    const records = await roster.many(docs.map((d) => d.rosterId).filter((r): r is string => !!r))
    return docs.map((d) => {
      const r = d.rosterId ? records.get(d.rosterId) : undefined
      return {
        id: d._id,
        ...deletionStatus(d),
        memberName: r ? maskName(r.name) : '',
        memberRef: d.rosterId ? memberRef(d.rosterId) : null,
        branch: r?.branch ?? '',
      }
    })
  }

  /** Carrying it out starts with the link to this WeChat account (roster side, then account and roles; each step safe to repeat). */
  async function unbindFirst(doc: DeletionRequestDoc): Promise<void> {
    // The roster record first: it alone says who is a member (common/auth.ts).
    if (doc.rosterId) await roster.unbind(doc.rosterId, doc.openid, doc.requestedAt)
    await users.markDeletion(doc.openid, doc.requestedAt)
  }

  /** What carrying the request out erased and kept; the account goes last, only once nothing else must wait. */
  async function erase(openid: string, now: number): Promise<Pick<DeletionChange, 'status' | 'outcome'>> {
    const reports = await data.eraseAll(openid, now)
    // The remembered outcomes of her calls may name her: they go whatever else must wait.
    reports.push({ erased: [`防止重复提交的操作记录 ${await eraseRequests(openid)} 条`], kept: [] })
    // Until the account goes, a crash leaves the request open and carrying it out again finishes it.
    if (!merge(reports).later) reports.push(await eraseCore(openid))
    const { erased, kept, later } = merge(reports)
    return { status: later ? 'partly' : 'done', outcome: { erased, kept } }
  }

  return {
    /**
     * Requests of her subtree's members only (issue 20); the city also sees those of people without a
     * roster record or a place in the tree. The queue is short (requests are rare): filtered here.
     */
    async listDeletionRequests(scope: OfficerScope, req: ListDeletionRequestsRequest): Promise<DeletionRequestDTO[]> {
      const docs = await deletions.queue((req.status ?? 'open') === 'open')
      const records = scope.all ? null : await roster.many(docs.map((d) => d.rosterId).filter((r): r is string => !!r))
      const hers = records ? docs.filter((d) => d.rosterId && covers(scope, records.get(d.rosterId)?.unionPath)) : docs
      return toDTOs(hers.sort((a, b) => a.requestedAt - b.requestedAt))
    },

    async processDeletionRequest(officer: string, id: string, requestId: string | null): Promise<DeletionRequestDTO> {
      const now = clock()
      const doc = await deletions.get(id)
      if (!doc) fail('NOT_FOUND', 'id', '没有找到这条删除申请')
      if (doc.status === 'done' || doc.status === 'withdrawn') return (await toDTOs([doc]))[0]
      const user = await users.get(doc.openid)
      const withdrawn = user && user.deletionRequestedAt !== doc.requestedAt
      if (!withdrawn) await unbindFirst(doc)
      const result = withdrawn ? { status: 'withdrawn' as const, outcome: WITHDRAWN } : await erase(doc.openid, now)
      // Two officers (or two copies of one request) at once: one settles and is audited, both answer its outcome.
      if (await deletions.settle(doc, { ...result, processedAt: now, processedBy: officer, processRequest: requestId })) {
        await audit.record({ actor: officer, action: 'member.processDeletion', target: doc._id, status: result.status })
      }
      return (await toDTOs([(await deletions.get(id))!]))[0]
    },
    /** A retry of an officer's request that settled it: the request as it left it. */
    async processed(id: string, requestId: string | undefined): Promise<{ data: DeletionRequestDTO } | undefined> {
      const doc = requestId ? await deletions.get(id) : null
      return doc?.processRequest === requestId && doc ? { data: (await toDTOs([doc]))[0] } : undefined
    },
  }
}
