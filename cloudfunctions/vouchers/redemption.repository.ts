/** Redemption and reversal rows: what statements are made of. */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { insertOnce } from '../common/db-errors'
import { readAll, rowsOf } from '../common/paginate'
import type { RedemptionRowDoc } from './vouchers.docs'

export function createRedemptionRepository(db: Db) {
  const _ = db.command
  const rows = () => db.collection(COLLECTIONS.voucherRedemptions)
  return {
    /** Inserts the row once: a retry of the same step finds it there. */
    async insertOnce(row: RedemptionRowDoc): Promise<void> {
      await insertOnce(rows(), { ...row })
    },
    async get(id: string): Promise<RedemptionRowDoc | null> {
      return rowsOf<RedemptionRowDoc>(await rows().doc(id).get())[0] ?? null
    },
    async many(ids: string[]): Promise<RedemptionRowDoc[]> {
      return ids.length
        ? rowsOf<RedemptionRowDoc>(
            await rows()
              .where({ _id: _.in(ids) })
              .limit(ids.length)
              .get(),
          )
        : []
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
  }
}

export type RedemptionRepository = ReturnType<typeof createRedemptionRepository>
