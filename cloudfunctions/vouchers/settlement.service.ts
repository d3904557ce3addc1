/**
 * 结算: a merchant's statement for a day, week or month, built from the
 * redemption rows each time (so it can never drift from them), with a digest
 * the manager confirms. Only a closed period can be confirmed: it has ended
 * and the few minutes in which the timer may still write a row whose call died
 * have passed. A confirmation names the digest it saw: if a row changes
 * afterwards anyway, the statement is open again and says so (`dropped`).
 */
import type { Period, StatementDTO } from '~types/vouchers'
import type { Clock } from '../common/clock'
import { fail } from '../common/errors'
import type { MerchantRepository } from './merchant.repository'
import { beijingPeriod } from './period'
import type { RedemptionRepository } from './redemption.repository'
import { orderRows, statementDigest, statementTotals } from './settlement.rules'
import type { StatementRepository } from './statement.repository'
import type { StatementDoc } from './vouchers.docs'
import { rowDTO } from './vouchers.dto'

export interface SettlementDeps {
  clock: Clock
  merchants: MerchantRepository
  redemptions: RedemptionRepository
  statements: StatementRepository
}

/** One statement: which merchant, which period. */
export interface StatementRef {
  merchantId: string
  period: Period
  date: string
}

/** The manager acting on it, and the request id her confirmation or dispute records. */
export interface StatementCaller {
  openid: string
  requestId: string | undefined
}

/** How long after a period ends a late statement row may still land (the sweeper's backfill runs every minute). */
export const SETTLE_GRACE_MS = 5 * 60_000

export function createSettlementService(d: SettlementDeps) {
  async function build({ merchantId, period, date }: StatementRef): Promise<StatementDTO> {
    const m = (await d.merchants.get(merchantId)) ?? fail('NOT_FOUND', 'merchantId')
    const { from, to, key } = beijingPeriod(period, date)
    const rows = orderRows((await d.redemptions.inPeriod(merchantId, from, to)).map((r) => ({ ...r, id: r._id })))
    const id = `${merchantId}:${key}`
    const digest = statementDigest(id, rows)
    const saved = await d.statements.get(id)
    const current = saved && saved.digest === digest
    return {
      id,
      merchantId,
      merchantName: m.name,
      period,
      from,
      to,
      rows: rows.map((r) => rowDTO(r, false)),
      totals: statementTotals(rows),
      digest,
      state: current ? saved.state : 'open',
      confirmedDigest: saved?.state === 'confirmed' ? saved.digest : null,
      dispute: current && saved.state === 'disputed' ? saved.dispute : null,
      closesAt: to + SETTLE_GRACE_MS,
      dropped: saved && !current && saved.state === 'confirmed' ? { at: saved.at } : null,
    }
  }

  const put = (s: StatementDTO, ref: StatementRef, who: StatementCaller, rest: Pick<StatementDoc, 'state' | 'digest' | 'dispute'>) =>
    d.statements.put({ _id: s.id, ...ref, ...rest, by: who.openid, at: d.clock(), requestId: who.requestId ?? null })

  return {
    build,
    statement: build,
    async confirm(ref: StatementRef, digest: string, who: StatementCaller): Promise<StatementDTO> {
      const s = await build(ref)
      if (d.clock() < s.closesAt) fail('PERIOD_NOT_CLOSED')
      if (s.digest !== digest) fail('STATEMENT_CHANGED')
      await put(s, ref, who, { state: 'confirmed', digest, dispute: null })
      return build(ref)
    },
    async dispute(ref: StatementRef, rowId: string | null, note: string, who: StatementCaller): Promise<StatementDTO> {
      const s = await build(ref)
      if (rowId && !s.rows.some((r) => r.id === rowId)) fail('NOT_FOUND', 'rowId')
      await put(s, ref, who, { state: 'disputed', digest: s.digest, dispute: { rowId, note } })
      return build(ref)
    },
    /** A same-id retry: the state its first call set is stored with its request id; the statement as it now reads. */
    async recover(ref: StatementRef, state: StatementDoc['state'], who: StatementCaller): Promise<{ data: StatementDTO } | undefined> {
      if (!who.requestId) return undefined
      const saved = await d.statements.get(`${ref.merchantId}:${beijingPeriod(ref.period, ref.date).key}`)
      if (saved?.requestId !== who.requestId || saved.by !== who.openid || saved.state !== state) return undefined
      return { data: await build(ref) }
    },
  }
}

export type SettlementService = ReturnType<typeof createSettlementService>
