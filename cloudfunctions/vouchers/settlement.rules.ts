/**
 * 结算: one merchant's statement for one period. Rows are every redemption and
 * reversal in it (a reversal is a row of its own with negative amounts), in
 * time order; the digest is SHA-256 over a fixed text form of every row, so the
 * merchant and the union can check they hold the same file: change any field
 * of any row and the digest changes.
 */
import { createHash } from 'node:crypto'
import type { RedemptionRowDTO } from '~types/vouchers'

/** A statement row: the digested fields of a redemption or reversal row. */
export type StatementRow = Pick<RedemptionRowDTO, 'id' | 'type' | 'at' | 'till' | 'memberMasked' | 'billFen' | 'unionFen' | 'merchantFen'>

export interface StatementTotals {
  redemptions: number
  reversals: number
  billFen: number
  unionFen: number
  merchantFen: number
}

/** Signed amounts: a reversal takes its redemption's amounts back. */
function sign(r: StatementRow): number {
  return r.type === 'reverse' ? -1 : 1
}

export function orderRows<T extends StatementRow>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

export function statementTotals(rows: readonly StatementRow[]): StatementTotals {
  const t: StatementTotals = { redemptions: 0, reversals: 0, billFen: 0, unionFen: 0, merchantFen: 0 }
  for (const r of rows) {
    if (r.type === 'redeem') t.redemptions++
    else t.reversals++
    t.billFen += sign(r) * r.billFen
    t.unionFen += sign(r) * r.unionFen
    t.merchantFen += sign(r) * r.merchantFen
  }
  return t
}

/** One line per row, fields joined by tabs (none of them can hold a tab: ids, digits, masked names, till labels). */
function rowLine(r: StatementRow): string {
  return [r.id, r.type, r.at, r.till, r.memberMasked, r.billFen, r.unionFen, r.merchantFen].join('\t')
}

export function statementDigest(header: string, rows: readonly StatementRow[]): string {
  const h = createHash('sha256').update(`${header}\n`, 'utf8')
  for (const r of orderRows(rows)) h.update(`${rowLine(r)}\n`, 'utf8')
  return h.digest('hex')
}

/** A period's Beijing-time bounds [from, to) and its key, from any date inside it (weeks start on Monday). */
export function periodRange(
  period: 'day' | 'week' | 'month',
  date: string,
  dayStart: (d: string) => number,
  addDays: (d: string, n: number) => string,
  weekday: (d: string) => number,
): { from: number; to: number; key: string } {
  if (period === 'day') return { from: dayStart(date), to: dayStart(addDays(date, 1)), key: `day-${date}` }
  if (period === 'week') {
    const monday = addDays(date, -((weekday(date) + 6) % 7))
    return { from: dayStart(monday), to: dayStart(addDays(monday, 7)), key: `week-${monday}` }
  }
  const first = `${date.slice(0, 7)}-01`
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))]
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
  return { from: dayStart(first), to: dayStart(next), key: `month-${date.slice(0, 7)}` }
}
