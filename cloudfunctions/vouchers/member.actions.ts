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
  claim: action({
    input: S.campaignRef,
    mutation: true,
    async run(i, c) {
      const s = svc(c.db, c.clock)
      const pool = await s.claims.glance(i.campaignId)
      const { roster } = await requireVerifiedMember(c.db, c.openid)
      const v = await s.claims.claim(c.openid, roster, i.campaignId, c.requestId, pool)
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
