/**
 * Vouchers' part of the member's own data (PIPL): her vouchers with how each was
 * used, her draw entries, her expiry-reminder opt-ins and notices. On deletion,
 * draw entries that gave her nothing and her notices are erased; vouchers and
 * their redemptions are kept: they are the union's vouchers for spending its
 * funds and what it settles with merchants.
 */
import type { MyServicesExport } from '~types/member'
import { noticesExport, type ErasureReport } from '../common/my-data'
import type { CampaignRepository } from './campaign.repository'
import type { EntryRepository } from './entry.repository'
import type { VoucherNotices } from './vouchers.notices'
import type { WalletService } from './wallet.service'

type VouchersExport = NonNullable<MyServicesExport['vouchers']>

export interface VoucherDataDeps {
  campaigns: CampaignRepository
  entries: EntryRepository
  wallet: Pick<WalletService, 'mine'>
  notices: Pick<VoucherNotices, 'list' | 'credits' | 'erase'>
}

export function createVoucherData(d: VoucherDataDeps) {
  async function gather(openid: string) {
    const campaigns = await d.campaigns.all()
    const entries = (await Promise.all(campaigns.filter((c) => c.mode === 'lottery').map((c) => d.entries.get(c._id, openid)))).filter(
      (e) => e !== null,
    )
    return { campaigns, entries, vouchers: await d.wallet.mine(openid) }
  }

  return {
    async exportFor(openid: string): Promise<VouchersExport> {
      const g = await gather(openid)
      const name = (id: string) => g.campaigns.find((c) => c._id === id)?.name ?? ''
      return {
        vouchers: g.vouchers.map((v) => ({
          campaignName: v.campaignName,
          ruleText: v.ruleText,
          status: v.status,
          claimedAt: v.claimedAt,
          useEndsAt: v.useEndsAt,
          redemption: v.redemption
            ? {
                merchantName: v.redemption.merchantName,
                till: v.redemption.till,
                at: v.redemption.at,
                billFen: v.redemption.billFen,
                deductionFen: v.redemption.deductionFen,
                modelWorkerFen: v.redemption.modelWorkerFen,
                payableFen: v.redemption.payableFen,
              }
            : null,
        })),
        drawEntries: g.entries.map((e) => ({ campaignName: name(e.campaignId), entryRef: e.ref, result: e.result, enteredAt: e.at })),
        ...(await noticesExport(d.notices, openid)),
      }
    },
    async eraseFor(openid: string): Promise<ErasureReport> {
      const g = await gather(openid)
      const report: ErasureReport = { erased: [], kept: [] }
      const drawn = g.entries.filter((e) => e.result === 'lost')
      for (const e of drawn) await d.entries.remove(e._id)
      if (drawn.length) report.erased.push(`未中签的抽签报名 ${drawn.length} 条`)
      report.erased.push(`消费券通知 ${await d.notices.erase(openid)} 条`)
      if (g.entries.length > drawn.length)
        report.kept.push({ what: `待开奖或已中签的抽签报名 ${g.entries.length - drawn.length} 条`, why: '开奖结果须可供核验', later: true })
      if (g.vouchers.length)
        report.kept.push({
          what: `消费券领用与核销记录 ${g.vouchers.length} 条`,
          why: '工会经费支出凭证及与商户的结算依据，按财务制度保存（对账单中仅有打码姓名）',
        })
      return report
    },
  }
}
