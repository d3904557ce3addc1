/** What a member does: the centre, claiming, the draw, 我的券 and a voucher's code. */
import { action } from '../common/function'
import * as S from './vouchers.schemas'
import { vouchersServices as svc } from './vouchers.context'

export const memberActions = {
  // Anyone signed in: a caller not yet verified sees every campaign with why it is not for her yet.
  centre: action({ input: S.empty, auth: 'caller', run: (_i, c) => svc(c.db, c.clock).centre.list(c.account) }),
  /**
   * 'ledger', not the generic marker: the voucher itself records the request id, so a retry finds
   * the voucher its first call claimed (claim.service `claimOnce`), and the rush's losers write
   * nothing at all (the generic marker would cost every one of them two writes).
   */
  claim: action({
    input: S.campaignRef,
    auth: 'member',
    mutation: 'ledger',
    async run(i, c) {
      const s = svc(c.db, c.clock)
      const v = await s.claims.claimOnce(
        c.openid,
        i.campaignId,
        c.requestId,
        (glanced) => s.claims.claim(c.openid, c.roster, i.campaignId, c.requestId, glanced),
        c.firstAttempt,
      )
      return (await s.wallet.dtos([v]))[0]
    },
  }),
  enterDraw: action({
    input: S.campaignRef,
    auth: 'member',
    mutation: true,
    recover: (i, c) => svc(c.db, c.clock).claims.recoverEntry(c.openid, i.campaignId, c.requestId),
    run: (i, c) => svc(c.db, c.clock).claims.enterDraw(c.openid, c.roster, i.campaignId, c.requestId),
  }),
  // Her own vouchers, also once she is no longer verified (they were claimed while she was).
  myVouchers: action({ input: S.empty, auth: 'caller', run: (_i, c) => svc(c.db, c.clock).wallet.mine(c.openid) }),
  voucherCode: action({ input: S.voucherRef, auth: 'caller', run: (i, c) => svc(c.db, c.clock).wallet.code(c.openid, i.voucherId) }),
}
