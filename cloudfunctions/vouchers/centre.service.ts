/** 消费券中心: every campaign with what this member can do about it, and why not. */
import type { CentreItemDTO } from '../../types/vouchers'
import type { Clock } from '../common/clock'
import type { RosterDoc } from '../common/member-docs'
import { beijingDate } from '../common/time'
import { audienceReasons, centreState } from './audience.rules'
import { type CampaignRepository, poolIdOf } from './campaign.repository'
import { isModelWorker, refOf } from './claim.service'
import type { createEntryRepository } from './entry.repository'
import type { createMerchantRepository } from './merchant.repository'
import { bonusText, maxUnionFen, ruleText } from './pricing.rules'
import type { VoucherRepository } from './voucher.repository'

export interface CentreDeps {
  clock: Clock
  campaigns: CampaignRepository
  vouchers: VoucherRepository
  merchants: ReturnType<typeof createMerchantRepository>
  entries: ReturnType<typeof createEntryRepository>
}

export function createCentreService(d: CentreDeps) {
  return {
    async list(openid: string, roster: RosterDoc | null): Promise<CentreItemDTO[]> {
      const now = d.clock()
      const campaigns = (await d.campaigns.all()).filter((c) => now < c.useEndsAt).sort((a, b) => a.claimStartsAt - b.claimStartsAt)
      const merchants = await d.merchants.many([...new Set(campaigns.flatMap((c) => c.merchantIds))])
      const mine = await d.vouchers.mine(openid)
      const out: CentreItemDTO[] = []
      for (const c of campaigns) {
        const reasons = audienceReasons(c, roster, beijingDate(now))
        const poolId = roster ? poolIdOf(c, roster.branch) : null
        const pool = poolId && !reasons.length ? await d.campaigns.pool(poolId) : null
        const reserve = maxUnionFen(c.rule, c.modelWorkerBonus ?? null, !!roster && isModelWorker(roster))
        const entry = c.mode === 'lottery' && roster ? await d.entries.get(c._id, openid) : null
        const held = mine.filter((v) => v.campaignId === c._id && v.status !== 'pending').length
        const { state, reason } = centreState(c, { now, reasons, held, soldOut: !!pool && (pool.left < 1 || pool.budgetLeft < reserve), entry: entry ? entry.result : 'none' })
        out.push({
          campaign: {
            id: c._id, name: c.name, funderName: c.funderName, rule: c.rule, ruleText: ruleText(c.rule), mode: c.mode, claimStartsAt: c.claimStartsAt, claimEndsAt: c.claimEndsAt,
            useEndsAt: c.useEndsAt, drawAt: c.drawAt ?? null, merchants: merchants.filter((m) => c.merchantIds.includes(m._id)).map((m) => ({ id: m._id, name: m.name })),
          },
          state, reason, held, perMember: c.perMember,
          modelWorkerExtra: roster && isModelWorker(roster) && c.modelWorkerBonus ? bonusText(c.modelWorkerBonus) : null,
          draw: c.draw, entryRef: entry ? entry.ref : c.mode === 'lottery' && roster && c.draw ? refOf(c, openid) : null,
        })
      }
      return out
    },
  }
}
