/**
 * The officers' deletion queue. Carrying out a request asks every service to
 * erase what may be erased now and to say what it keeps and why (DataProvider);
 * what may go later (an unfinished booking) leaves the request `partly` done,
 * to be carried out again. A member who verified again after asking has
 * withdrawn the request: nothing of hers is erased.
 */
import { createAuditLog } from '../common/audit'
import { requireOfficer } from '../common/auth'
import type { Db } from '../common/db'
import { fail } from '../common/errors'
import { maskName } from '../common/mask'
import { memberRef } from '../common/member-ref'
import type { DataProvider, DataService, ErasureReport } from '../common/my-data'
import type { DeletionRequestDTO, DeletionStatusDTO, ListDeletionRequestsRequest } from '../../types/member'
import { type DeletionRequestDoc, deletionQueue, getDeletionRequest, settleDeletionRequest } from './deletion.repository'
import { eraseRequestsOf } from '../common/idempotency'
import { eraseMemberCore } from './member-erase.repository'
import { DATA_PROVIDERS } from './my-data.providers'
import { getRosterMany } from './roster.repository'
import { getUser } from './user.repository'
import { callOf, type MemberCall, type MemberDeps } from './member.deps'

type Deps = MemberCall

export function deletionStatus(doc: DeletionRequestDoc): DeletionStatusDTO {
  return { requestedAt: doc.requestedAt, status: doc.status, processedAt: doc.processedAt ?? null, outcome: doc.outcome ?? null }
}

async function toDTOs(db: Db, docs: DeletionRequestDoc[]): Promise<DeletionRequestDTO[]> {
  const roster = await getRosterMany(db, docs.map((d) => d.rosterId).filter((r): r is string => !!r))
  return docs.map((d) => {
    const r = d.rosterId ? roster.get(d.rosterId) : undefined
    return { id: d._id, ...deletionStatus(d), memberName: r ? maskName(r.name) : '', memberRef: d.rosterId ? memberRef(d.rosterId) : null, branch: r?.branch ?? '' }
  })
}

export async function listDeletionRequests({ db }: Deps, openid: string, req: ListDeletionRequestsRequest): Promise<DeletionRequestDTO[]> {
  await requireOfficer(db, openid)
  const docs = await deletionQueue(db, (req.status ?? 'open') === 'open')
  return toDTOs(db, docs.sort((a, b) => a.requestedAt - b.requestedAt))
}

function merge(reports: ErasureReport[]): { erased: string[]; kept: { what: string; why: string }[]; later: boolean } {
  const kept = reports.flatMap((r) => r.kept)
  return { erased: reports.flatMap((r) => r.erased), kept: kept.map(({ what, why }) => ({ what, why })), later: kept.some((k) => k.later) }
}

export async function processDeletionRequest({ db, now }: Deps, officer: string, id: string): Promise<DeletionRequestDTO> {
  await requireOfficer(db, officer)
  const doc = await getDeletionRequest(db, id)
  if (!doc) fail('NOT_FOUND', 'id', '没有找到这条删除申请')
  if (doc.status === 'done' || doc.status === 'withdrawn') return (await toDTOs(db, [doc]))[0]
  const user = await getUser(db, doc.openid)
  let change: Parameters<typeof settleDeletionRequest>[2]
  if (user && user.deletionRequestedAt !== doc.requestedAt) {
    change = { status: 'withdrawn', processedAt: now, processedBy: officer, outcome: { erased: [], kept: [{ what: '全部数据', why: '申请后已重新认证，视为撤回申请' }] } }
  } else {
    const reports: ErasureReport[] = []
    // Every service's provider in turn (each erases only her records); a new service needs no change here.
    for (const provider of Object.values(DATA_PROVIDERS) as DataProvider<DataService>[]) reports.push(await provider.eraseFor(db, doc.openid, now))
    // The remembered outcomes of her calls may name her: they go whatever else must wait.
    reports.push({ erased: [`请求去重记录 ${await eraseRequestsOf(db, doc.openid)} 条`], kept: [] })
    const partial = merge(reports)
    // The account goes last: until then a crash leaves the request open and carrying it out again finishes it.
    if (!partial.later) reports.push(await eraseMemberCore(db, doc.openid))
    const { erased, kept, later } = merge(reports)
    change = { status: later ? 'partly' : 'done', processedAt: now, processedBy: officer, outcome: { erased, kept } }
  }
  await settleDeletionRequest(db, doc, change)
  await createAuditLog({ db, clock: () => now }).record({ actor: officer, action: 'member.processDeletion', target: doc._id, status: change.status })
  return (await toDTOs(db, [(await getDeletionRequest(db, id))!]))[0]
}

/** The officers' deletion queue. */
export function createDeletionService(deps: MemberDeps) {
  return {
    listDeletionRequests: (openid: string, req: ListDeletionRequestsRequest) => listDeletionRequests(callOf(deps), openid, req),
    processDeletionRequest: (officer: string, id: string) => processDeletionRequest(callOf(deps), officer, id),
  }
}
