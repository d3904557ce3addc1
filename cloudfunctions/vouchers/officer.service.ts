/** Officers: partner merchants (create, edit, suspend), campaigns, the dashboard and its CSV. */
import { randomBytes } from 'node:crypto'
import type { CampaignDTO, CampaignInputDTO, DashboardDTO, MerchantDTO, MerchantInputDTO, Period } from '../../types/vouchers'
import type { Clock } from '../common/clock'
import { toCsv } from '../common/csv'
import { fail } from '../common/errors'
import { beijingDate, shanghai } from '../common/time'
import type { CampaignRepository } from './campaign.repository'
import type { createMerchantRepository } from './merchant.repository'
import type { RedemptionRepository } from './redemption.repository'
import type { createSettlementService } from './settlement.service'
import { MANAGER_SUFFIX } from './staff.rules'
import type { CampaignDoc, MerchantDoc } from './vouchers.docs'
import type { VoucherRepository } from './voucher.repository'

export interface OfficerDeps {
  clock: Clock
  campaigns: CampaignRepository
  vouchers: VoucherRepository
  merchants: ReturnType<typeof createMerchantRepository>
  redemptions: RedemptionRepository
  settlement: ReturnType<typeof createSettlementService>
}

const merchantDTO = (m: MerchantDoc): MerchantDTO => ({ id: m._id, name: m.name, address: m.address, category: m.category, suspended: m.suspended })
const campaignDTO = ({ createdBy: _b, draw: _d, _id, ...c }: CampaignDoc): CampaignDTO => ({ ...c, id: _id })

/** Cross-field checks the schema cannot make; the message names the field in Chinese. */
export function campaignProblem(c: CampaignInputDTO): [string, string] | null {
  if (c.claimEndsAt <= c.claimStartsAt) return ['claimEndsAt', '领取结束时间须晚于开始时间']
  if (c.useEndsAt <= c.useStartsAt) return ['useEndsAt', '使用结束时间须晚于开始时间']
  if (c.mode === 'lottery' && !(c.drawAt && c.drawAt > c.claimStartsAt && c.drawAt < c.claimEndsAt)) return ['drawAt', '开奖时间须在领取时间内']
  if (c.rule.kind === 'threshold' && c.rule.amountFen > c.rule.thresholdFen && c.rule.thresholdFen > 0) return ['rule.amountFen', '减免金额不能超过门槛']
  if (c.subBudgets?.length) {
    if (c.subBudgets.reduce((a, s) => a + s.budgetFen, 0) !== c.budgetFen) return ['subBudgets', '各基层工会预算之和须等于总预算']
    if (c.subBudgets.reduce((a, s) => a + s.vouchers, 0) !== c.totalVouchers) return ['subBudgets', '各基层工会张数之和须等于总张数']
    if (new Set(c.subBudgets.map((s) => s.branch)).size !== c.subBudgets.length) return ['subBudgets', '基层工会重复']
  }
  return null
}

export function createOfficerService(d: OfficerDeps) {
  return {
    listMerchants: async () => (await d.merchants.all()).sort((a, b) => a.createdAt - b.createdAt).map(merchantDTO),
    async saveMerchant(input: MerchantInputDTO & { id?: string }): Promise<MerchantDTO> {
      const now = d.clock()
      const old = input.id ? await d.merchants.get(input.id) : null
      if (input.id && !old) fail('NOT_FOUND', 'id')
      const doc: MerchantDoc = { _id: old?._id ?? `m-${randomBytes(5).toString('hex')}`, name: input.name, address: input.address, category: input.category, suspended: old?.suspended ?? false, createdAt: old?.createdAt ?? now, updatedAt: now }
      if (doc._id.endsWith(MANAGER_SUFFIX)) fail('INVALID_ARGUMENT', 'id')
      await d.merchants.put(doc)
      return merchantDTO(doc)
    },
    async setSuspended(merchantId: string, suspended: boolean): Promise<MerchantDTO> {
      if (!(await d.merchants.get(merchantId))) fail('NOT_FOUND', 'merchantId')
      await d.merchants.setSuspended(merchantId, suspended, d.clock())
      return merchantDTO((await d.merchants.get(merchantId))!)
    },
    listCampaigns: async () => (await d.campaigns.all()).sort((a, b) => b.createdAt - a.createdAt).map(campaignDTO),
    async createCampaign(openid: string, input: CampaignInputDTO, id?: string): Promise<CampaignDTO> {
      const problem = campaignProblem(input)
      if (problem) fail('INVALID_ARGUMENT', problem[0], problem[1])
      const known = await d.merchants.many(input.merchantIds)
      if (known.length !== new Set(input.merchantIds).size) fail('NOT_FOUND', 'merchantIds')
      const doc: CampaignDoc = { ...input, drawAt: input.drawAt ?? null, subBudgets: input.subBudgets ?? [], modelWorkerBonus: input.modelWorkerBonus ?? null, _id: id ?? `c-${randomBytes(5).toString('hex')}`, createdAt: d.clock(), createdBy: openid, draw: null }
      await d.campaigns.insert(doc)
      return campaignDTO(doc)
    },
    async dashboard(campaignId: string): Promise<DashboardDTO> {
      const c = (await d.campaigns.fresh(campaignId)) ?? fail('NOT_FOUND', 'campaignId')
      const pools = await d.campaigns.poolsOfCampaign(campaignId)
      const sum = (k: 'claimed' | 'redeemed' | 'reversed' | 'expired' | 'usedFen' | 'budgetLeft' | 'left') => pools.reduce((a, p) => a + p[k], 0)
      const rows = await d.redemptions.ofCampaign(campaignId)
      const vouchers = (await d.vouchers.ofCampaign(campaignId)).filter((v) => v.status !== 'pending')
      const merchants = await d.merchants.many(c.merchantIds)
      const byDay = new Map<string, { claimed: number; redeemed: number }>()
      const day = (at: number) => byDay.get(beijingDate(at)) ?? byDay.set(beijingDate(at), { claimed: 0, redeemed: 0 }).get(beijingDate(at))!
      for (const v of vouchers) day(v.claimedAt ?? v.pendingAt).claimed++
      for (const r of rows) day(r.at).redeemed += r.type === 'redeem' ? 1 : -1
      const branches = new Map<string, { claimed: number; redeemed: number }>()
      for (const v of vouchers) {
        const b = branches.get(v.branch) ?? branches.set(v.branch, { claimed: 0, redeemed: 0 }).get(v.branch)!
        b.claimed++
        if (v.status === 'redeemed') b.redeemed++
      }
      const usedFen = sum('usedFen')
      return {
        campaignId, claimed: sum('claimed'), redeemed: sum('redeemed'), reversed: sum('reversed'), expired: sum('expired'),
        budgetFen: c.budgetFen, usedFen, reservedFen: c.budgetFen - sum('budgetLeft') - usedFen, leftFen: sum('budgetLeft'), vouchersLeft: sum('left'),
        byMerchant: merchants.map((m) => {
          const mine = rows.filter((r) => r.merchantId === m._id)
          const sign = (t: string) => (t === 'redeem' ? 1 : -1)
          return { merchantId: m._id, name: m.name, redeemed: mine.reduce((a, r) => a + sign(r.type), 0), unionFen: mine.reduce((a, r) => a + sign(r.type) * r.unionFen, 0) }
        }),
        byBranch: [...branches].map(([branch, v]) => ({ branch, ...v })).sort((a, b) => b.claimed - a.claimed),
        byDay: [...byDay].map(([date, v]) => ({ date, ...v })).sort((a, b) => a.date.localeCompare(b.date)),
        draw: c.draw,
      }
    },
    async exportCampaign(campaignId: string) {
      const c = (await d.campaigns.get(campaignId)) ?? fail('NOT_FOUND', 'campaignId')
      const rows = (await d.redemptions.ofCampaign(campaignId)).sort((a, b) => a.at - b.at)
      const merchants = new Map((await d.merchants.many(c.merchantIds)).map((m) => [m._id, m.name]))
      const sign = (t: string) => (t === 'redeem' ? 1 : -1)
      const csv = toCsv(
        ['流水号', '类型', '时间', '商户', '收银台', '会员', '消费金额(元)', '工会承担(元)', '商户让利(元)'],
        rows.map((r) => [r._id, r.type === 'redeem' ? '核销' : '撤销', shanghai(r.at), merchants.get(r.merchantId) ?? r.merchantId, r.till, r.memberMasked, (sign(r.type) * r.billFen / 100).toFixed(2), (sign(r.type) * r.unionFen / 100).toFixed(2), (sign(r.type) * r.merchantFen / 100).toFixed(2)]),
      )
      return { filename: `${c.name}-核销流水.csv`, csv }
    },
    async merchantStatements(period: Period, date: string) {
      const out = []
      for (const m of await d.merchants.all()) {
        const s = await d.settlement.build(m._id, period, date)
        out.push({ merchantId: m._id, merchantName: m.name, state: s.state, totals: s.totals })
      }
      return out
    },
  }
}
