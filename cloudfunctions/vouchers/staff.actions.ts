/**
 * The till and the merchant manager. Staff of the merchant the input names (its manager too, and
 * officers of the union that signed it: auth.ts STAFF_OWNER) work its till; only its manager
 * confirms or disputes its statements.
 */
import type { Auth } from '../common/auth'
import { action, type ActionContext } from '../common/function'
import { beijingDate } from '../common/time'
import { beijingPeriod } from './period'
import type { StatementRef } from './settlement.service'
import { merchantRoles } from './staff.rules'
import * as S from './vouchers.schemas'
import { vouchersServices as svc } from './vouchers.context'

const atItsTill: Auth<{ merchantId: string }> = { staff: 'merchant', of: (i) => i.merchantId }
const itsManager: Auth<{ merchantId: string }> = { manager: (i) => i.merchantId }
const caller = (c: ActionContext) => ({ openid: c.openid, requestId: c.requestId })
const ref = (i: StatementRef) => ({ merchantId: i.merchantId, period: i.period, date: i.date })

export const staffActions = {
  myMerchants: action({
    input: S.empty,
    auth: { staff: 'merchant' },
    async run(_i, c) {
      const roles = merchantRoles(c.account.roles)
      const mine = await svc(c.db, c.clock).officer.merchantsOf([...roles.keys()])
      return mine.map((merchant) => ({ merchant, manager: roles.get(merchant.id)!.manager }))
    },
  }),
  preview: action({
    input: S.preview,
    auth: atItsTill,
    run: (i, c) => svc(c.db, c.clock).till.preview(c.openid, i.merchantId, i.code, i.billFen),
  }),
  redeem: action({
    input: S.redeem,
    auth: atItsTill,
    mutation: true,
    recover: (i, c) => svc(c.db, c.clock).till.recoverRedeem(i.code, caller(c)),
    run: (i, c) => svc(c.db, c.clock).till.redeem(i, caller(c)),
  }),
  todayRedemptions: action({
    input: S.merchantRef,
    auth: atItsTill,
    run(i, c) {
      const { from, to } = beijingPeriod('day', beijingDate(c.clock()))
      return svc(c.db, c.clock).till.today(i.merchantId, from, to)
    },
  }),
  reverse: action({
    input: S.reverse,
    auth: atItsTill,
    mutation: true,
    recover: (i, c) => svc(c.db, c.clock).reversal.recover(i.redemptionId, caller(c)),
    run: (i, c) => svc(c.db, c.clock).reversal.reverse(i.merchantId, i.redemptionId, caller(c)),
  }),
  statement: action({ input: S.statement, auth: atItsTill, run: (i, c) => svc(c.db, c.clock).settlement.statement(ref(i)) }),
  confirmStatement: action({
    input: S.confirmStatement,
    auth: itsManager,
    mutation: true,
    recover: (i, c) => svc(c.db, c.clock).settlement.recover(ref(i), 'confirmed', caller(c)),
    run: (i, c) => svc(c.db, c.clock).settlement.confirm(ref(i), i.digest, caller(c)),
  }),
  disputeStatement: action({
    input: S.disputeStatement,
    auth: itsManager,
    mutation: true,
    recover: (i, c) => svc(c.db, c.clock).settlement.recover(ref(i), 'disputed', caller(c)),
    run: (i, c) => svc(c.db, c.clock).settlement.dispute(ref(i), i.rowId ?? null, i.note, caller(c)),
  }),
}
