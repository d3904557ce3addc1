import type { CallerAccount } from '../common/auth'
import type { Clock } from '../common/clock'
import type { DeletionRequestResult, MyDataExport } from '~types/member'
import { type DeletionRequestDoc, type DeletionRepository, deletionId } from './deletion.repository'
import type { MeService } from './me.service'
import type { BoundProviders } from './my-data.providers'
import type { RosterRepository } from './roster.repository'
import type { UserRepository } from './user.repository'

interface Deps {
  clock: Clock
  data: BoundProviders
  me: MeService
  users: UserRepository
  roster: RosterRepository
  deletions: DeletionRepository
}

/** Her own data: the export every service contributes to, and her deletion request. */
export function createMyDataService({ clock, data, me, users, roster, deletions }: Deps) {
  /** The account side of a request: binding, roles and account data go now (each step safe to repeat). */
  async function carryOut(doc: DeletionRequestDoc): Promise<void> {
    await users.ensure(doc.openid, doc.requestedAt)
    await users.markDeletion(doc.openid, doc.requestedAt)
    if (doc.rosterId) await roster.unbind(doc.rosterId, doc.openid, doc.requestedAt)
  }

  return {
    /** Everything stored about the caller in every service, unmasked: it is theirs. Read-only. */
    async exportMyData(account: CallerAccount): Promise<MyDataExport> {
      const [current, services] = await Promise.all([me.of(account), data.exportAll(account.openid)])
      return {
        exportedAt: clock(),
        account: { verified: current.verified, verifiedAt: current.profile?.verifiedAt ?? null, roles: current.roles },
        profile: current.profile,
        // Consents recorded when booking a screening (the privacy notice she accepted).
        consents: services.screening.bookings.map((b) => ({ kind: 'screening-privacy', version: b.consent.version, at: b.consent.at })),
        services,
      }
    },

    /**
     * Retention rule: the union keeps its roster record (membership is not the app's to erase); the link to
     * this WeChat account, the roles and the account data go now, and the request is recorded for the union
     * to complete erasure of anything else it holds. Asking again while a request is open changes nothing.
     */
    async requestDeletion(account: CallerAccount, requestId: string | null): Promise<DeletionRequestResult> {
      const { openid, user } = account
      if (user?.deletionRequestedAt) return { requestedAt: user.deletionRequestedAt }
      const now = clock()
      const doc: DeletionRequestDoc = {
        _id: deletionId(openid, now),
        openid,
        rosterId: user?.rosterId ?? null,
        requestedAt: now,
        status: 'pending',
        processedAt: null,
        processedBy: null,
        outcome: null,
        requestId,
      }
      await deletions.record(doc)
      await carryOut(doc)
      return { requestedAt: now }
    },
    /** A retry of her request: the one it recorded, carried out to the end unless she verified again since. */
    async requested(openid: string, requestId: string | undefined): Promise<{ data: DeletionRequestResult } | undefined> {
      const doc = requestId ? await deletions.latest(openid) : null
      if (!doc || doc.requestId !== requestId) return undefined
      const user = await users.get(openid)
      if (doc.status === 'pending' && !(user?.verifiedAt && user.verifiedAt > doc.requestedAt)) await carryOut(doc)
      return { data: { requestedAt: doc.requestedAt } }
    },
  }
}
