/**
 * 结算: a merchant's statement for a day, week or month, built from the
 * redemption rows each time (so it can never drift from them), with a digest
 * the manager confirms. A confirmation names the digest it saw: if a row
 * changes afterwards, the statement is open again.
 */
import type { Period, StatementDTO } from '../../types/vouchers'
import type { CallerAccount } from '../common/auth'
import type { Clock } from '../common/clock'
import { fail } from '../common/errors'
import type { createMerchantRepository } from './merchant.repository'
import { beijingPeriod } from './period'
import type { RedemptionRepository } from './redemption.repository'
import { orderRows, statementDigest, statementTotals } from './settlement.rules'
import { merchantAccess } from './staff.rules'
import type { createStatementRepository } from './statement.repository'
import { rowDTO } from './vouchers.dto'

export interface SettlementDeps {
  clock: Clock
  merchants: ReturnType<typeof createMerchantRepository>
  redemptions: RedemptionRepository
  statements: ReturnType<typeof createStatementRepository>
}

export function createSettlementService(d: SettlementDeps) {
  async function build(merchantId: string, period: Period, date: string): Promise<StatementDTO> {
    const m = (await d.merchants.get(merchantId)) ?? fail('NOT_FOUND', 'merchantId')
    const { from, to, key } = beijingPeriod(period, date)
    const rows = orderRows((await d.redemptions.inPeriod(merchantId, from, to)).map((r) => ({ ...r, id: r._id })))
    const id = `${merchantId}:${key}`
    const digest = statementDigest(id, rows)
    const saved = await d.statements.get(id)
    const current = saved && saved.digest === digest
    return {
      id, merchantId, merchantName: m.name, period, from, to,
      rows: rows.map((r) => rowDTO(r, false)),
      totals: statementTotals(rows),
      digest,
      state: current ? saved.state : 'open',
      confirmedDigest: saved?.state === 'confirmed' ? saved.digest : null,
      dispute: current && saved.state === 'disputed' ? saved.dispute : null,
    }
  }

  function mayRead(account: CallerAccount, merchantId: string) {
    if (merchantAccess(account.roles, merchantId) === 'none') fail('FORBIDDEN')
  }
  function mayConfirm(account: CallerAccount, merchantId: string) {
    if (merchantAccess(account.roles, merchantId) !== 'manager') fail('FORBIDDEN')
  }

  return {
    build,
    async statement(account: CallerAccount, merchantId: string, period: Period, date: string) {
      mayRead(account, merchantId)
      return build(merchantId, period, date)
    },
    async confirm(account: CallerAccount, merchantId: string, period: Period, date: string, digest: string) {
      mayConfirm(account, merchantId)
      const s = await build(merchantId, period, date)
      if (s.digest !== digest) fail('STATEMENT_CHANGED')
      await d.statements.put({ _id: s.id, merchantId, period, date, state: 'confirmed', digest, dispute: null, by: account.openid, at: d.clock() })
      return build(merchantId, period, date)
    },
    async dispute(account: CallerAccount, merchantId: string, period: Period, date: string, rowId: string | null, note: string) {
      mayConfirm(account, merchantId)
      const s = await build(merchantId, period, date)
      if (rowId && !s.rows.some((r) => r.id === rowId)) fail('NOT_FOUND', 'rowId')
      await d.statements.put({ _id: s.id, merchantId, period, date, state: 'disputed', digest: s.digest, dispute: { rowId, note }, by: account.openid, at: d.clock() })
      return build(merchantId, period, date)
    },
  }
}
