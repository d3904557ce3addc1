/** Redemption and reversal rows (what statements are made of) and the log of every till attempt. */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { isDuplicate } from '../common/db-errors'
import { readAll, rowsOf } from '../common/paginate'
import type { AttemptDoc, RedemptionRowDoc } from './vouchers.docs'

export function createRedemptionRepository(db: Db) {
  const _ = db.command
  const rows = () => db.collection(COLLECTIONS.voucherRedemptions)
  return {
    /** Inserts the row once: a retry of the same step finds it there. */
    async insertOnce(row: RedemptionRowDoc): Promise<void> {
      try {
        await rows().add({ ...row })
      } catch (e) {
        if (!isDuplicate(e)) throw e
      }
    },
    async get(id: string): Promise<RedemptionRowDoc | null> {
      return rowsOf<RedemptionRowDoc>(await rows().doc(id).get())[0] ?? null
    },
    async markReversed(id: string, by: string): Promise<void> {
      await rows().where({ _id: id, reversedBy: null }).update({ reversedBy: by })
    },
    inPeriod(merchantId: string, from: number, to: number): Promise<RedemptionRowDoc[]> {
      return readAll<RedemptionRowDoc>(rows().where({ merchantId, at: _.gte(from).and(_.lt(to)) }))
    },
    ofCampaign(campaignId: string): Promise<RedemptionRowDoc[]> {
      return readAll<RedemptionRowDoc>(rows().where({ campaignId }))
    },
    async logAttempt(a: AttemptDoc): Promise<void> {
      await db.collection(COLLECTIONS.voucherAttempts).add({ ...a })
    },
  }
}

export type RedemptionRepository = ReturnType<typeof createRedemptionRepository>
