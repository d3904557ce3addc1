/**
 * The timer's work for vouchers (every minute): expire vouchers past their use
 * window and return their reservations; remind members before expiry; give
 * back claims that died half-way; reconcile each pool's in-flight claim holds
 * with their vouchers (the kit's sweepHolders) and finish money returns a call
 * left half-way (money-return.service.ts); run draws that are due.
 */
import type { Clock } from '../common/clock'
import { STALE_CLAIM_MS } from '../common/claim-ledger'
import { deliveryTask } from '../common/notices'
import { runSweep, sweepHolders } from '../common/sweeper'
import { maskName } from '../common/mask'
import { noticePage } from '~types/routes'
import type { CampaignRepository } from './campaign.repository'
import type { ClaimService } from './claim.service'
import type { MoneyReturns } from './money-return.service'
import type { VoucherNotices } from './vouchers.notices'
import type { VoucherDoc } from './vouchers.docs'
import type { VoucherRepository } from './voucher.repository'

const DAY = 86_400_000

export interface SweepDeps {
  clock: Clock
  campaigns: CampaignRepository
  vouchers: VoucherRepository
  claims: ClaimService
  notices: VoucherNotices
  returns: MoneyReturns
}

export function createVoucherSweep(d: SweepDeps) {
  // A claim hold only stands for the claim itself: once its voucher is confirmed it is settled, whatever came after.
  const stateOf = (v: VoucherDoc): 'pending' | 'final' => (v.status === 'pending' ? 'pending' : 'final')

  async function expire(now: number): Promise<number> {
    let n = 0
    for (const v of await d.vouchers.dueToExpire(now)) {
      const returning = { key: `${v._id}:e`, fen: v.reserveFen, counters: { expired: 1 }, at: now, reissue: false }
      if (!(await d.vouchers.markExpired(v, returning))) continue
      await d.returns.finish(v, returning)
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
        openid: v.openid,
        toName: v.memberMasked || maskName(''),
        kind: 'voucher_expiry',
        page: noticePage('vouchersCode', { id: v._id }),
        fields: [
          { label: '券名称', value: c.name },
          { label: '到期时间', value: v.useEndsAt },
          { label: '温馨提示', value: '消费券即将到期，请尽快使用' },
        ],
      })
      n++
    }
    return n
  }

  async function reconcile(now: number): Promise<number> {
    let n = 0
    for (const c of await d.campaigns.all()) {
      if (now > c.useEndsAt + DAY) continue
      for (const v of await d.vouchers.staleReturns(c._id, now - STALE_CLAIM_MS)) {
        if (await d.returns.takeOver(v, now - STALE_CLAIM_MS, now)) n++
      }
      for (const p of await d.campaigns.poolsOfCampaign(c._id)) {
        // Only claim holds (`c…`): a pool written before reservations were settled may still list `b…` holders,
        // whose money stays taken for their vouchers; releasing them would give it out twice.
        n += await sweepHolders(
          {
            store: d.campaigns.countStore,
            docId: p._id,
            ledger: d.vouchers.ledger,
            claimOf: (k, h) => (k.startsWith('c') && typeof h.v === 'string' ? h.v : null),
            holdsOf: d.vouchers.holdsOf,
            stateOf,
          },
          now,
        )
        n += await d.returns.sweepPool(p._id, now - STALE_CLAIM_MS, now)
      }
    }
    return n
  }

  async function draws(now: number): Promise<number> {
    let n = 0
    for (const c of await d.campaigns.all()) {
      if (c.mode !== 'lottery' || c.draw || !c.drawAt || c.drawAt > now) continue
      await d.claims.runDraw(c._id).then(
        () => n++,
        () => undefined,
      )
    }
    return n
  }

  return {
    sweep: () => {
      const now = d.clock()
      return runSweep(
        [
          { name: 'expired', run: expire },
          { name: 'reminded', run: remind },
          { name: 'staleClaims', run: (t) => d.vouchers.ledger.sweepStale({}, t) },
          { name: 'reconciled', run: reconcile },
          { name: 'drawn', run: draws },
          deliveryTask(d.notices), // last: the reminders this tick queued go too
        ],
        now,
      )
    },
  }
}
