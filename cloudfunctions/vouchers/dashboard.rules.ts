/** The dashboard's breakdowns, from the campaign's vouchers and statement rows (pure: no database). */
import type { DashboardDTO } from '~types/vouchers'
import { beijingDate } from '../common/time'
import type { MerchantDoc, RedemptionRowDoc, VoucherDoc } from './vouchers.docs'

/** A reversal row counts against its redemption. */
const sign = (r: RedemptionRowDoc) => (r.type === 'redeem' ? 1 : -1)

type Counts = { claimed: number; redeemed: number }
const counter = (m: Map<string, Counts>, key: string): Counts => m.get(key) ?? m.set(key, { claimed: 0, redeemed: 0 }).get(key)!

export function byMerchant(merchants: MerchantDoc[], rows: RedemptionRowDoc[]): DashboardDTO['byMerchant'] {
  return merchants.map((m) => {
    const mine = rows.filter((r) => r.merchantId === m._id)
    return {
      merchantId: m._id,
      name: m.name,
      redeemed: mine.reduce((a, r) => a + sign(r), 0),
      unionFen: mine.reduce((a, r) => a + sign(r) * r.unionFen, 0),
    }
  })
}

/** Per grassroots union, most claimed first: how many claimed, and how many of those are redeemed now. */
export function byBranch(vouchers: VoucherDoc[]): DashboardDTO['byBranch'] {
  const branches = new Map<string, Counts>()
  for (const v of vouchers) {
    const b = counter(branches, v.branch)
    b.claimed++
    if (v.status === 'redeemed') b.redeemed++
  }
  return [...branches].map(([branch, v]) => ({ branch, ...v })).sort((a, b) => b.claimed - a.claimed)
}

/** Per Beijing day, in date order: claims, and redemptions net of reversals. */
export function byDay(vouchers: VoucherDoc[], rows: RedemptionRowDoc[]): DashboardDTO['byDay'] {
  const days = new Map<string, Counts>()
  for (const v of vouchers) counter(days, beijingDate(v.claimedAt ?? v.pendingAt)).claimed++
  for (const r of rows) counter(days, beijingDate(r.at)).redeemed += sign(r)
  return [...days].map(([date, v]) => ({ date, ...v })).sort((a, b) => a.date.localeCompare(b.date))
}

/** 劳模 claims, and the 折上折 their redeemed vouchers took off (a reversed one gave its extra back). */
export function modelWorkers(vouchers: VoucherDoc[]): DashboardDTO['modelWorkers'] {
  const theirs = vouchers.filter((v) => v.modelWorker)
  const extraFen = theirs.reduce((a, v) => a + (v.status === 'redeemed' ? (v.redemption?.modelWorkerFen ?? 0) : 0), 0)
  return { claimed: theirs.length, extraFen }
}
