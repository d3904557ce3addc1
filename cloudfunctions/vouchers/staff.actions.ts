/** The till and the merchant manager: every action checks the caller's scope for that merchant. */
import { loadAccount } from '../common/auth'
import { action, type ActionContext } from '../common/function'
import { beijingDate } from '../common/time'
import { beijingPeriod } from './period'
import { merchantRoles } from './staff.rules'
import * as S from './vouchers.schemas'
import { vouchersServices as svc } from './vouchers.context'

const who = (c: ActionContext) => loadAccount(c.db, c.openid)

export const staffActions = {
  myMerchants: action({
    input: S.empty,
    async run(_i, c) {
      const roles = merchantRoles((await who(c)).roles)
      const s = svc(c.db, c.clock)
      const all = await s.officer.listMerchants()
      return all.filter((m) => roles.has(m.id)).map((merchant) => ({ merchant, manager: roles.get(merchant.id)!.manager }))
    },
  }),
  preview: action({ input: S.preview, run: async (i, c) => svc(c.db, c.clock).till.preview(await who(c), i.merchantId, i.code, i.billFen) }),
  redeem: action({ input: S.redeem, mutation: true, run: async (i, c) => svc(c.db, c.clock).till.redeem(await who(c), i.merchantId, i.code, i.billFen, i.till) }),
  todayRedemptions: action({
    input: S.merchantRef,
    async run(i, c) {
      const { from, to } = beijingPeriod('day', beijingDate(c.clock()))
      return svc(c.db, c.clock).till.today(await who(c), i.merchantId, from, to)
    },
  }),
  reverse: action({ input: S.reverse, mutation: true, run: async (i, c) => svc(c.db, c.clock).till.reverse(await who(c), i.merchantId, i.redemptionId) }),
  statement: action({ input: S.statement, run: async (i, c) => svc(c.db, c.clock).settlement.statement(await who(c), i.merchantId, i.period, i.date) }),
  confirmStatement: action({
    input: S.confirmStatement,
    mutation: true,
    run: async (i, c) => svc(c.db, c.clock).settlement.confirm(await who(c), i.merchantId, i.period, i.date, i.digest),
  }),
  disputeStatement: action({
    input: S.disputeStatement,
    mutation: true,
    run: async (i, c) => svc(c.db, c.clock).settlement.dispute(await who(c), i.merchantId, i.period, i.date, i.rowId ?? null, i.note),
  }),
}
