/**
 * The timer's work for vouchers (every minute): expire vouchers past their use
 * window and return their reservations; remind members before expiry; give
 * back claims that died half-way; reconcile each pool's holders with their
 * vouchers (the kit's sweepHolders), finishing a redemption whose unused part
 * never went back; run draws that are due.
 */
import type { Clock } from '../common/clock'
import { runSweep, sweepHolders } from '../common/sweeper'
import { maskName } from '../common/mask'
import { noticePage } from '../../types/routes'
import { shanghai } from '../common/time'
import type { CampaignRepository } from './campaign.repository'
import type { createClaimService } from './claim.service'
import type { VoucherNotices } from './vouchers.notices'
import type { VoucherDoc } from './vouchers.docs'
import { budgetKey, type VoucherRepository } from './voucher.repository'

const DAY = 86_400_000
const REVERSING_MS = 60_000

export interface SweepDeps {
  clock: Clock
  campaigns: CampaignRepository
  vouchers: VoucherRepository
  claims: ReturnType<typeof createClaimService>
  notices: VoucherNotices
}

export function createVoucherSweep(d: SweepDeps) {
  const stateOf = (v: VoucherDoc): 'pending' | 'final' | 'gone' => {
    if (v.status === 'pending') return 'pending'
    if (v.status === 'unused' || v.status === 'redeemed') return 'final'
    return v.status === 'reversed' && d.clock() - (v.reversedAt ?? 0) < REVERSING_MS ? 'final' : 'gone'
  }

  async function expire(now: number): Promise<number> {
    let n = 0
    for (const v of await d.vouchers.dueToExpire(now)) {
      if (!(await d.vouchers.markExpired(v._id))) continue
      await d.campaigns.budgetStore.release(v.poolId, budgetKey(v), { amount: v.reserveFen })
      await d.campaigns.count(v.poolId, { expired: 1 })
      n++
    }
    return n
  }

  async function remind(now: number): Promise<number> {
    let n = 0
    for (const v of await d.vouchers.dueForReminder(now + 7 * DAY)) {
      const c = await d.campaigns.get(v.campaignId)
      if (!c || v.useEndsAt - c.remindDaysBefore * DAY > now || !(await d.vouchers.markReminded(v._id, now))) continue
      await d.notices.send({
        openid: v.openid, toName: v.memberMasked || maskName(''), kind: 'voucher_expiry', page: noticePage('vouchersCode', { id: v._id }),
        fields: [{ label: '券名称', value: c.name }, { label: '到期时间', value: shanghai(v.useEndsAt, 'YYYY-MM-DD HH:mm') }, { label: '温馨提示', value: '消费券即将到期，请尽快使用' }],
      })
      n++
    }
    return n
  }

  async function reconcile(now: number): Promise<number> {
    let n = 0
    for (const c of await d.campaigns.all()) {
      if (now > c.useEndsAt + DAY) continue
      for (const p of await d.campaigns.poolsOfCampaign(c._id)) {
        for (const store of [d.campaigns.countStore, d.campaigns.budgetStore]) {
          n += await sweepHolders({ store, docId: p._id, ledger: d.vouchers.ledger, claimOf: (_k, h) => (typeof h.v === 'string' ? h.v : null), holdsOf: d.vouchers.holdsOf, stateOf }, now)
        }
        n += await finishReturns(p._id)
      }
    }
    return n
  }

  /** A redemption whose call died before giving back the unused part of its reservation. */
  async function finishReturns(poolId: string): Promise<number> {
    const holders = await d.campaigns.budgetStore.holders(poolId)
    const ids = Object.values(holders).map((h) => h.v).filter((v): v is string => typeof v === 'string')
    let n = 0
    for (const v of await d.vouchers.many(ids.slice(0, 1000))) {
      const h = holders[budgetKey(v)]
      const used = v.redemption?.unionFen
      if (v.status === 'redeemed' && h && used !== undefined && h.n > used && (await d.campaigns.budgetStore.returnPart(poolId, budgetKey(v), h.n, h.n - used))) n++
    }
    return n
  }

  async function draws(now: number): Promise<number> {
    let n = 0
    for (const c of await d.campaigns.all()) {
      if (c.mode !== 'lottery' || c.draw || !c.drawAt || c.drawAt > now) continue
      await d.claims.runDraw(c._id).then(() => n++, () => undefined)
    }
    return n
  }

  return {
    sweep: () => {
      const now = d.clock()
      return runSweep([
        { name: 'expired', run: expire },
        { name: 'reminded', run: remind },
        { name: 'staleClaims', run: (t) => d.vouchers.ledger.sweepStale({}, t) },
        { name: 'reconciled', run: reconcile },
        { name: 'drawn', run: draws },
      ], now)
    },
  }
}
