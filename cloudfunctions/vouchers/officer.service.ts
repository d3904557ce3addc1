/**
 * Officers: partner merchants (create, edit, suspend), campaigns, the dashboard and its CSV. Each
 * merchant and campaign is owned by a union (issue 20): an officer's lists are her subtree's (the
 * router already refused a target outside it), a campaign's audience is its owner's subtree.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { CampaignDTO, CampaignInputDTO, DashboardDTO, MerchantDTO, MerchantInputDTO, Period } from '~types/vouchers'
import type { Clock } from '../common/clock'
import { audienceWithin, type Owner, ownerDTO, type UnionDoc } from '../common/unions'
import { toCsv } from '../common/csv'
import { fail } from '../common/errors'
import { shanghai } from '../common/time'
import type { CampaignRepository } from './campaign.repository'
import { byBranch, byDay, byMerchant, modelWorkers } from './dashboard.rules'
import type { MerchantRepository } from './merchant.repository'
import type { RedemptionRepository } from './redemption.repository'
import type { SettlementService } from './settlement.service'
import { MANAGER_SUFFIX } from './staff.rules'
import type { CampaignDoc, MerchantDoc, StoredSubBudget } from './vouchers.docs'
import type { EntryRepository } from './entry.repository'
import type { VoucherRepository } from './voucher.repository'

export interface OfficerDeps {
  clock: Clock
  campaigns: CampaignRepository
  vouchers: VoucherRepository
  merchants: MerchantRepository
  redemptions: RedemptionRepository
  settlement: SettlementService
  entries: EntryRepository
  /** A union of the tree (cached read): a sub-budget names one of the owner's subtree. */
  union: (id: string) => Promise<UnionDoc | null>
}

/** An officer's list filter: her subtree's documents (unions.ts `ownedWhere`), `{}` for the city. */
export type OwnedWhere = { unionPath?: string }

/** The officer and her request id: a new merchant's or campaign's id is derived from them, so a retry finds it. */
export interface OfficerCaller {
  openid: string
  requestId: string | undefined
}

/** `prefix-` + 10 hex characters: derived from the request (a same-id retry names the same document), random without one. */
function newId(prefix: string, who: OfficerCaller): string {
  if (!who.requestId) return `${prefix}-${randomBytes(5).toString('hex')}`
  return `${prefix}-${createHash('sha256').update(`${prefix}:${who.openid}:${who.requestId}`).digest('hex').slice(0, 10)}`
}

export const merchantDTO = (m: MerchantDoc): MerchantDTO => ({
  id: m._id,
  name: m.name,
  address: m.address,
  category: m.category,
  suspended: m.suspended,
  ...ownerDTO(m),
})
export const campaignDTO = (doc: CampaignDoc): CampaignDTO => {
  const { createdBy: _b, draw: _d, drawRequestId: _r, unionPath: _p, unionId: _u, organiser: _o, _id, subBudgets, ...c } = doc
  const subs = (subBudgets ?? []).map((s) => ({
    unionId: s.unionId ?? '',
    name: s.name ?? s.branch ?? '',
    budgetFen: s.budgetFen,
    vouchers: s.vouchers,
  }))
  return { ...c, subBudgets: subs, id: _id, ...ownerDTO(doc, c.funderName) }
}

/** The sub-budgets as stored: each names a union of the owner's subtree (its name kept beside it), else the field is refused. */
async function subBudgetsOf(input: CampaignInputDTO, owner: Owner, union: OfficerDeps['union']): Promise<StoredSubBudget[]> {
  const out: StoredSubBudget[] = []
  for (const [i, s] of (input.subBudgets ?? []).entries()) {
    const u = await union(s.unionId)
    // The owner's own node or one below it; a campaign before the tree (no owner) names none.
    if (!u || !owner.unionId || !u.path.includes(owner.unionId))
      fail('INVALID_ARGUMENT', `subBudgets.${i}.unionId`, `${u?.name ?? s.unionId} 不属于主办单位${owner.organiser || ''}`)
    out.push({ unionId: u._id, name: u.name, budgetFen: s.budgetFen, vouchers: s.vouchers })
  }
  return out
}

/** Cross-field checks the schema cannot make; the message names the field in Chinese. */
export function campaignProblem(c: CampaignInputDTO): [string, string] | null {
  if (c.claimEndsAt <= c.claimStartsAt) return ['claimEndsAt', '领取结束时间须晚于开始时间']
  if (c.useEndsAt <= c.useStartsAt) return ['useEndsAt', '使用结束时间须晚于开始时间']
  if (c.mode === 'lottery' && !(c.drawAt && c.drawAt > c.claimStartsAt && c.drawAt < c.claimEndsAt))
    return ['drawAt', '开奖时间须在领取时间内']
  if (c.rule.kind === 'threshold' && c.rule.amountFen > c.rule.thresholdFen && c.rule.thresholdFen > 0)
    return ['rule.amountFen', '减免金额不能超过门槛']
  if (c.subBudgets?.length) {
    if (c.subBudgets.reduce((a, s) => a + s.budgetFen, 0) !== c.budgetFen) return ['subBudgets', '各基层工会预算之和须等于总预算']
    if (c.subBudgets.reduce((a, s) => a + s.vouchers, 0) !== c.totalVouchers) return ['subBudgets', '各基层工会张数之和须等于总张数']
    if (new Set(c.subBudgets.map((s) => s.unionId)).size !== c.subBudgets.length) return ['subBudgets', '工会重复']
  }
  return null
}

export function createOfficerService(d: OfficerDeps) {
  return {
    listMerchants: async (where: OwnedWhere) => (await d.merchants.owned(where)).sort((a, b) => a.createdAt - b.createdAt).map(merchantDTO),
    /** A till's own merchants (staff hold roles of these). */
    merchantsOf: async (ids: string[]) => (await d.merchants.many(ids)).sort((a, b) => a.createdAt - b.createdAt).map(merchantDTO),
    /** `owner`: who signs a new one (ownerFor); an edit keeps the union that signed it. */
    async saveMerchant(input: MerchantInputDTO & { id?: string }, who: OfficerCaller, owner: () => Promise<Owner>): Promise<MerchantDTO> {
      const now = d.clock()
      const old = input.id ? await d.merchants.get(input.id) : null
      if (input.id && !old) fail('NOT_FOUND', 'id')
      if (old && input.unionId && input.unionId !== (old.unionId ?? null)) fail('INVALID_ARGUMENT', 'unionId', '签约单位保存后不能更改')
      const { name, address, category } = input
      const base = {
        suspended: old?.suspended ?? false,
        createdAt: old?.createdAt ?? now,
        updatedAt: now,
        requestId: who.requestId ?? null,
      }
      // an edit keeps who signed it (a merchant from before the tree stays the city's: no owner fields)
      const owned = old
        ? old.unionPath
          ? { unionId: old.unionId ?? null, unionPath: old.unionPath, organiser: old.organiser ?? '' }
          : {}
        : await owner()
      const doc: MerchantDoc = { _id: old?._id ?? newId('m', who), name, address, category, ...base, ...owned }
      if (doc._id.endsWith(MANAGER_SUFFIX)) fail('INVALID_ARGUMENT', 'id')
      await d.merchants.put(doc)
      return merchantDTO(doc)
    },
    async setSuspended(merchantId: string, suspended: boolean): Promise<MerchantDTO> {
      if (!(await d.merchants.get(merchantId))) fail('NOT_FOUND', 'merchantId')
      await d.merchants.setSuspended(merchantId, suspended, d.clock())
      return merchantDTO((await d.merchants.get(merchantId))!)
    },
    listCampaigns: async (where: OwnedWhere) => (await d.campaigns.owned(where)).sort((a, b) => b.createdAt - a.createdAt).map(campaignDTO),
    /** A same-id retry of a save: the merchant its first call stored (carrying the request id). */
    async recoverMerchant(input: { id?: string }, who: OfficerCaller): Promise<{ data: MerchantDTO } | undefined> {
      const m = who.requestId ? await d.merchants.get(input.id ?? newId('m', who)) : null
      return m && m.requestId === who.requestId ? { data: merchantDTO(m) } : undefined
    },
    /**
     * `owner`: the union that runs it (ownerFor). A district's or grassroots union's campaign is for its
     * own subtree's members (`within`), and its sub-budgets name unions of that subtree.
     */
    async createCampaign(input: CampaignInputDTO, who: OfficerCaller, owner: Owner): Promise<CampaignDTO> {
      const problem = campaignProblem(input)
      if (problem) fail('INVALID_ARGUMENT', problem[0], problem[1])
      const known = await d.merchants.many(input.merchantIds)
      if (known.length !== new Set(input.merchantIds).size) fail('NOT_FOUND', 'merchantIds')
      const { unionId: _named, ...rest } = input
      const within = audienceWithin(owner)
      const doc: CampaignDoc = {
        ...rest,
        ...owner,
        audience: { ...input.audience, within },
        drawAt: input.drawAt ?? null,
        subBudgets: await subBudgetsOf(input, owner, d.union),
        modelWorkerBonus: input.modelWorkerBonus ?? null,
        _id: newId('c', who),
        createdAt: d.clock(),
        createdBy: who.openid,
        draw: null,
      }
      await d.campaigns.insert(doc)
      return campaignDTO(doc)
    },
    /** A same-id retry: the campaign under the id its request derives (whatever step its first call died at). */
    async recoverCampaign(who: OfficerCaller): Promise<{ data: CampaignDTO } | undefined> {
      if (!who.requestId) return undefined
      const c = await d.campaigns.fresh(newId('c', who)) // added after its pools: present means done
      return c ? { data: campaignDTO(c) } : undefined
    },
    async dashboard(campaignId: string): Promise<DashboardDTO> {
      const c = (await d.campaigns.fresh(campaignId)) ?? fail('NOT_FOUND', 'campaignId')
      const pools = await d.campaigns.poolsOfCampaign(campaignId)
      const sum = (k: 'claimed' | 'redeemed' | 'reversed' | 'expired' | 'usedFen' | 'budgetLeft' | 'left') =>
        pools.reduce((a, p) => a + p[k], 0)
      const rows = await d.redemptions.ofCampaign(campaignId)
      const vouchers = (await d.vouchers.ofCampaign(campaignId)).filter((v) => v.status !== 'pending')
      const usedFen = sum('usedFen')
      return {
        campaignId,
        claimed: sum('claimed'),
        redeemed: sum('redeemed'),
        reversed: sum('reversed'),
        expired: sum('expired'),
        budgetFen: c.budgetFen,
        usedFen,
        reservedFen: c.budgetFen - sum('budgetLeft') - usedFen,
        leftFen: sum('budgetLeft'),
        vouchersLeft: sum('left'),
        byMerchant: byMerchant(await d.merchants.many(c.merchantIds), rows),
        byBranch: byBranch(vouchers),
        byDay: byDay(vouchers, rows),
        modelWorkers: modelWorkers(vouchers),
        draw: c.draw,
        drawAt: c.drawAt ?? null,
        // While a 抽签 is open nothing is claimed yet: how many have entered is the figure that moves.
        entrants: c.drawAt !== null && !c.draw ? await d.entries.count(campaignId) : null,
      }
    },
    async exportCampaign(campaignId: string) {
      const c = (await d.campaigns.get(campaignId)) ?? fail('NOT_FOUND', 'campaignId')
      const rows = (await d.redemptions.ofCampaign(campaignId)).sort((a, b) => a.at - b.at)
      const merchants = new Map((await d.merchants.many(c.merchantIds)).map((m) => [m._id, m.name]))
      const sign = (t: string) => (t === 'redeem' ? 1 : -1)
      const csv = toCsv(
        ['流水号', '类型', '时间', '商户', '收银台', '会员', '消费金额(元)', '工会承担(元)', '商户让利(元)'],
        rows.map((r) => [
          r._id,
          r.type === 'redeem' ? '核销' : '撤销',
          shanghai(r.at),
          merchants.get(r.merchantId) ?? r.merchantId,
          r.till,
          r.memberMasked,
          ((sign(r.type) * r.billFen) / 100).toFixed(2),
          ((sign(r.type) * r.unionFen) / 100).toFixed(2),
          ((sign(r.type) * r.merchantFen) / 100).toFixed(2),
        ]),
      )
      return { filename: `${c.name}-核销流水.csv`, csv }
    },
    async merchantStatements(period: Period, date: string, where: OwnedWhere) {
      const out = []
      for (const m of await d.merchants.owned(where)) {
        const s = await d.settlement.build({ merchantId: m._id, period, date })
        out.push({ merchantId: m._id, merchantName: m.name, state: s.state, totals: s.totals })
      }
      return out
    },
  }
}
