import type { CallerAccount } from '../common/auth'
import type { Clock } from '../common/clock'
import type { DeletionRequestResult, MyDataExport } from '~types/member'
import { type DeletionRequestDoc, type DeletionRepository, deletionId } from './deletion.repository'
import type { MeService } from './me.service'
import type { BoundProviders } from './my-data.providers'
import type { UserRepository } from './user.repository'

interface Deps {
  clock: Clock
  data: BoundProviders
  me: MeService
  users: UserRepository
  deletions: DeletionRepository
}

/** Her own data: the export every service contributes to, and her deletion request. */
export function createMyDataService({ clock, data, me, users, deletions }: Deps) {
  /** Her request noted on her account (safe to repeat): she stays a member until the union carries it out. */
  async function note(doc: DeletionRequestDoc): Promise<void> {
    await users.ensure(doc.openid, doc.requestedAt)
    await users.markDeletionRequested(doc.openid, doc.requestedAt)
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
     * Her request goes to the union's queue; until an officer carries it out she stays a member (binding,
     * roles, bookings: nothing changes under her). Retention rule, applied then: the union keeps its roster
     * record (membership is not the app's to erase). Asking again while a request is open changes nothing.
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
      await note(doc)
      return { requestedAt: now }
    },
    /** A retry of her request: the one it recorded, noted on her account unless she verified again since. */
    async requested(openid: string, requestId: string | undefined): Promise<{ data: DeletionRequestResult } | undefined> {
      const doc = requestId ? await deletions.latest(openid) : null
      if (!doc || doc.requestId !== requestId) return undefined
      const user = await users.get(openid)
      if (doc.status === 'pending' && !(user?.verifiedAt && user.verifiedAt > doc.requestedAt)) await note(doc)
      return { data: { requestedAt: doc.requestedAt } }
    },
  }
}
