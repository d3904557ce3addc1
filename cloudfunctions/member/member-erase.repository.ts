/**
 * member's own part of carrying out a deletion request: the account, opt-in
 * credits and attempt counters go. The roster record is the union's register
 * (only its link to the account goes), the audit log and the request itself are
 * kept as the record that the request was handled.
 */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import type { ErasureReport } from '../common/my-data'

/** member's own eraser, built once with the function's db. */
export const createMemberEraser = (db: Db) => (openid: string) => eraseMemberCore(db, openid)

async function eraseMemberCore(db: Db, openid: string): Promise<ErasureReport> {
  const _ = db.command
  const users = (await db.collection(COLLECTIONS.users).where({ _id: openid }).remove()).deleted ?? 0
  await db.collection(COLLECTIONS.noticeOptins).where({ _id: openid }).remove()
  await db
    .collection(COLLECTIONS.verifyAttempts)
    .where({ _id: _.in([`verify:${openid}`, `invite:${openid}`]) })
    .remove()
  return {
    erased: [`账户与角色 ${users} 条`, '通知订阅次数', '认证尝试记录'],
    kept: [
      { what: '工会会员名册记录（已解除与本微信账号的绑定）', why: '会员名册由工会依章程保存，不属于小程序数据' },
      { what: '操作审计记录', why: '依《个人信息保护法》留存个人信息处理记录，届满后删除' },
      { what: '本删除申请及其处理结果', why: '证明已按申请处理' },
    ],
  }
}
