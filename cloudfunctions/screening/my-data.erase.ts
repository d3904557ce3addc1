/**
 * Screening's part of carrying out a deletion request. Her result is health
 * data: the hospital keeps the medical record, the app erases its copy. A
 * booking she has not yet attended stays until she attends or cancels (erasing
 * it would silently give her place away); past bookings go.
 */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import type { ErasureReport } from '../common/my-data'
import { createNoticeService } from './notice.service'

export async function eraseScreening(db: Db, openid: string): Promise<ErasureReport> {
  const _ = db.command
  const removed = async (coll: string, where: Record<string, unknown>) => (await db.collection(coll).where(where).remove()).deleted ?? 0
  const results = await removed(COLLECTIONS.screeningResults, { openid })
  const past = await removed(COLLECTIONS.screeningBookings, { openid, status: _.neq('booked') })
  const waitlist = await removed(COLLECTIONS.screeningWaitlist, { openid })
  const notices = await createNoticeService({ db, clock: Date.now }).erase(openid)
  const open = (await db.collection(COLLECTIONS.screeningBookings).where({ openid, status: 'booked' }).count()).total ?? 0
  return {
    erased: [`筛查结果 ${results} 条`, `预约记录 ${past} 条`, `候补记录 ${waitlist} 条`, `筛查通知 ${notices} 条`],
    kept: open ? [{ what: `未就诊的筛查预约 ${open} 条`, why: '预约尚未完成：就诊或取消后再次处理删除申请即可删除', later: true }] : [],
  }
}
