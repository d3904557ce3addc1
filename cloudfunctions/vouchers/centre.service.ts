/** 消费券中心: every campaign with what this member can do about it, and why not. */
import type { CentreItemDTO } from '~types/vouchers'
import type { CallerAccount } from '../common/auth'
import type { Clock } from '../common/clock'
import type { RosterDoc } from '../common/member-docs'
import type { RosterLookup } from '../common/roster-lookup'
import { beijingDate } from '../common/time'
import { ownerDTO } from '../common/unions'
import { audienceReasons, centreState } from './audience.rules'
import { type CampaignRepository, poolIdOf } from './campaign.repository'
import { isModelWorker, refOf } from './claim.service'
import type { EntryRepository } from './entry.repository'
import type { MerchantRepository } from './merchant.repository'
import { bonusText, maxUnionFen, ruleText } from './pricing.rules'
import type { CampaignDoc, MerchantDoc, VoucherDoc } from './vouchers.docs'
import type { VoucherRepository } from './voucher.repository'

export interface CentreDeps {
  clock: Clock
  campaigns: CampaignRepository
  vouchers: VoucherRepository
  merchants: MerchantRepository
  entries: EntryRepository
  roster: RosterLookup
}

/** Who is looking, once per list: her roster record (null: not verified) and her vouchers. */
interface Her {
  openid: string
  now: number
  roster: RosterDoc | null
  vouchers: VoucherDoc[]
}

export function createCentreService(d: CentreDeps) {
  /** Her roster record when she is verified (both sides of the binding agree), to explain each campaign to her; else null. */
  async function rosterOf(account: CallerAccount): Promise<RosterDoc | null> {
    const user = account.user
    if (!user?.verifiedAt) return null
    const roster = await d.roster.one(account.openid)
    return roster && user.rosterId === roster._id ? roster : null
  }

  /** The card's campaign part: what every member sees. */
  const card = (c: CampaignDoc, merchants: MerchantDoc[]): CentreItemDTO['campaign'] => ({
    id: c._id,
    name: c.name,
    funderName: c.funderName,
    rule: c.rule,
    ruleText: ruleText(c.rule),
    mode: c.mode,
    claimStartsAt: c.claimStartsAt,
    claimEndsAt: c.claimEndsAt,
    useEndsAt: c.useEndsAt,
    drawAt: c.drawAt ?? null,
    merchants: merchants.filter((m) => c.merchantIds.includes(m._id)).map((m) => ({ id: m._id, name: m.name })),
    organiser: ownerDTO(c, c.funderName).organiser,
  })

  /** One campaign as this member sees it: its state and why, her vouchers and draw entry. */
  async function item(c: CampaignDoc, her: Her, merchants: MerchantDoc[]): Promise<CentreItemDTO> {
    const { roster, openid, now } = her
    const reasons = audienceReasons(c, roster, beijingDate(now))
    const poolId = roster ? poolIdOf(c, roster) : null
    const pool = poolId && !reasons.length ? await d.campaigns.pool(poolId) : null
    const modelWorker = !!roster && isModelWorker(roster)
    const reserve = maxUnionFen(c.rule, c.modelWorkerBonus ?? null, modelWorker)
    const entry = c.mode === 'lottery' && roster ? await d.entries.get(c._id, openid) : null
    const held = her.vouchers.filter((v) => v.campaignId === c._id && v.status !== 'pending').length
    const soldOut = !!pool && (pool.left < 1 || pool.budgetLeft < reserve)
    const { state, reason } = centreState(c, { now, reasons, held, soldOut, entry: entry ? entry.result : 'none' })
    return {
      campaign: card(c, merchants),
      state,
      reason,
      held,
      perMember: c.perMember,
      modelWorkerExtra: modelWorker && c.modelWorkerBonus ? bonusText(c.modelWorkerBonus) : null,
      draw: c.draw,
      entryRef: entry ? entry.ref : c.mode === 'lottery' && roster && c.draw ? refOf(c, openid) : null,
    }
  }

  return {
    async list(account: CallerAccount): Promise<CentreItemDTO[]> {
      const now = d.clock()
      const campaigns = (await d.campaigns.all()).filter((c) => now < c.useEndsAt).sort((a, b) => a.claimStartsAt - b.claimStartsAt)
      const merchants = await d.merchants.many([...new Set(campaigns.flatMap((c) => c.merchantIds))])
      const her: Her = { openid: account.openid, now, roster: await rosterOf(account), vouchers: await d.vouchers.mine(account.openid) }
      const out: CentreItemDTO[] = []
      for (const c of campaigns) out.push(await item(c, her, merchants))
      return out
    },
  }
}
