import type { DeletionRequestResult, MyDataExport } from '../../types/member'
import { me } from './account.service'
import { deletionId, recordDeletionRequest } from './deletion.repository'
import { unbindRoster } from './roster.repository'
import { ensureUser, getUser, markDeletion } from './user.repository'
import { DATA_PROVIDERS } from './my-data.providers'
import { callOf, type MemberCall, type MemberDeps } from './member.deps'

type Deps = MemberCall

/** Everything stored about the caller in every service, unmasked: it is theirs. Read-only. */
export async function exportMyData(deps: Deps, openid: string): Promise<MyDataExport> {
  const [current, screening, events, matchmaking, vouchers] = await Promise.all([
    me(deps, openid),
    DATA_PROVIDERS.screening.exportFor(deps.db, openid),
    DATA_PROVIDERS.events.exportFor(deps.db, openid),
    DATA_PROVIDERS.matchmaking.exportFor(deps.db, openid),
    DATA_PROVIDERS.vouchers.exportFor(deps.db, openid),
  ])
  return {
    exportedAt: deps.now,
    account: { verified: current.verified, verifiedAt: current.profile?.verifiedAt ?? null, roles: current.roles },
    profile: current.profile,
    // Consents recorded when booking a screening (the privacy notice she accepted).
    consents: screening.bookings.map((b) => ({ kind: 'screening-privacy', version: b.consent.version, at: b.consent.at })),
    services: { screening, events, matchmaking, vouchers },
  }
}

/**
 * Retention rule: the union keeps its roster record (membership is not the
 * app's to erase); the link to this WeChat account, the roles and the account
 * data go now, and the request is recorded for the union to complete erasure
 * of anything else it holds. Asking again while a request is open changes nothing.
 */
export async function requestDeletion({ db, now }: Deps, openid: string): Promise<DeletionRequestResult> {
  const user = await getUser(db, openid)
  if (user?.deletionRequestedAt) return { requestedAt: user.deletionRequestedAt }
  await recordDeletionRequest(db, { _id: deletionId(openid, now), openid, rosterId: user?.rosterId ?? null, requestedAt: now, status: 'pending', processedAt: null, processedBy: null, outcome: null })
  await ensureUser(db, openid, now)
  await markDeletion(db, openid, now)
  if (user?.rosterId) await unbindRoster(db, user.rosterId, openid, now)
  return { requestedAt: now }
}

/** Her own data: the export every service contributes to, and her deletion request. */
export function createMyDataService(deps: MemberDeps) {
  return {
    exportMyData: (openid: string) => exportMyData(callOf(deps), openid),
    requestDeletion: (openid: string) => requestDeletion(callOf(deps), openid),
  }
}
