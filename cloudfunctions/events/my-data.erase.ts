/** Events' part of carrying out a deletion request: every record of hers goes; gift stock lives in counters, not in her records. */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import type { ErasureReport } from '../common/my-data'

const WHAT: [string, string][] = [
  [COLLECTIONS.eventSignups, '活动报名'],
  [COLLECTIONS.eventStamps, '集章记录'],
  [COLLECTIONS.eventStampCards, '集章卡（冷却时间与领取记录）'],
  [COLLECTIONS.eventRedemptions, '礼品兑换记录'],
  [COLLECTIONS.eventCheckins, '签到记录'],
]

export async function eraseEvents(db: Db, openid: string): Promise<ErasureReport> {
  const erased: string[] = []
  for (const [coll, what] of WHAT) erased.push(`${what} ${(await db.collection(coll).where({ openid }).remove()).deleted ?? 0} 条`)
  return { erased, kept: [] }
}
