/** 我的券 and a voucher's rotating code: a member sees only her own vouchers. */
import type { VoucherCodeDTO, VoucherDTO } from '~types/vouchers'
import type { Clock } from '../common/clock'
import type { Db } from '../common/db'
import { cached } from '../common/instance-cache'
import { fail } from '../common/errors'
import type { TokenService } from '../common/qr-token.service'
import type { CampaignRepository } from './campaign.repository'
import type { MerchantRepository } from './merchant.repository'
import type { VoucherDoc } from './vouchers.docs'
import { voucherDTO } from './vouchers.dto'
import type { VoucherRepository } from './voucher.repository'

export interface WalletDeps {
  db: Db
  clock: Clock
  tokens: TokenService
  campaigns: CampaignRepository
  vouchers: VoucherRepository
  merchants: MerchantRepository
}

export function createWalletService(d: WalletDeps) {
  async function dtos(vs: VoucherDoc[]): Promise<VoucherDTO[]> {
    // Only the campaigns of these vouchers (cached by id: a claim has just read its own).
    const campaigns = (await Promise.all([...new Set(vs.map((v) => v.campaignId))].map((id) => d.campaigns.get(id)))).filter(
      (c) => c !== null,
    )
    const ids = [...new Set(campaigns.flatMap((c) => c.merchantIds))].sort()
    // Names and addresses for display only (suspension is read fresh at the till), so a few seconds' cache is fine.
    const merchants = await cached(d.db, `voucher-merchants:${ids.join(',')}`, () => d.merchants.many(ids))
    const out: VoucherDTO[] = []
    for (const v of vs) {
      const c = campaigns.find((x) => x._id === v.campaignId)
      if (c) out.push(voucherDTO(v, c, merchants))
    }
    return out
  }

  return {
    dtos,
    async mine(openid: string): Promise<VoucherDTO[]> {
      const vs = (await d.vouchers.mine(openid)).filter((v) => v.status !== 'pending')
      return (await dtos(vs)).sort((a, b) => b.claimedAt - a.claimedAt)
    },
    async code(openid: string, voucherId: string): Promise<VoucherCodeDTO> {
      const v = await d.vouchers.get(voucherId)
      if (!v || v.openid !== openid || v.status === 'pending') fail('NOT_FOUND', 'voucherId')
      const [voucher] = await dtos([v])
      if (!voucher) fail('NOT_FOUND', 'voucherId')
      const now = d.clock()
      const usable = v.status === 'unused' && now >= v.useStartsAt && now < v.useEndsAt
      return { voucher, code: usable ? d.tokens.issueRotating('voucher', v._id) : null }
    },
  }
}

export type WalletService = ReturnType<typeof createWalletService>
