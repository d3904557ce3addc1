/** What a member does: the centre, claiming, the draw, 我的券 and a voucher's code. */
import { loadAccount, requireVerifiedMember } from '../common/auth'
import { action } from '../common/function'
import * as S from './vouchers.schemas'
import { vouchersServices as svc } from './vouchers.context'

export const memberActions = {
  centre: action({
    input: S.empty,
    async run(_i, c) {
      const account = await loadAccount(c.db, c.openid)
      const roster = account.user?.verifiedAt ? await requireVerifiedMember(c.db, c.openid).then((m) => m.roster, () => null) : null
      return svc(c.db, c.clock).centre.list(c.openid, roster)
    },
  }),
  /**
   * Not a generic `mutation`: the voucher itself records the request id, so a retry finds
   * the voucher its first call claimed (claim.service `retryOf`), and the rush's losers
   * write nothing at all (the generic marker would cost every one of them two writes).
   */
  claim: action({
    input: S.campaignRef,
    async run(i, c) {
      const s = svc(c.db, c.clock)
      const v = await s.claims.claimOnce(c.openid, i.campaignId, c.requestId, async (glanced) => {
        const { roster } = await requireVerifiedMember(c.db, c.openid)
        return s.claims.claim(c.openid, roster, i.campaignId, c.requestId, glanced)
      })
      return (await s.wallet.dtos([v]))[0]
    },
  }),
  enterDraw: action({
    input: S.campaignRef,
    mutation: true,
    async run(i, c) {
      const { roster } = await requireVerifiedMember(c.db, c.openid)
      return svc(c.db, c.clock).claims.enterDraw(c.openid, roster, i.campaignId)
    },
  }),
  myVouchers: action({ input: S.empty, run: (_i, c) => svc(c.db, c.clock).wallet.mine(c.openid) }),
  voucherCode: action({ input: S.voucherRef, run: (i, c) => svc(c.db, c.clock).wallet.code(c.openid, i.voucherId) }),
}
