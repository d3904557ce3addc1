import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { RedemptionSummaryDTO, VoucherDTO } from '~types/vouchers'
import { BackLink } from '~src/components/back-link'
import { PageFrame } from '~src/components/page-frame'
import { RotatingCode } from '~src/components/rotating-code'
import { StateView } from '~src/components/state-view'
import { useParams } from '~src/hooks/use-params'
import { call } from '~src/services/api'
import { formatTime } from '~src/utils/datetime'
import { VoucherCard } from '~src/packages/vouchers/components/voucher-card'
import { STATUS_LABEL } from '~src/packages/vouchers/lib/labels'
import { yuan } from '~src/packages/vouchers/lib/money'
import '~src/packages/vouchers/styles.css'

/** What was deducted and paid, once the cashier confirmed. */
function usedText(used: RedemptionSummaryDTO) {
  const where = `${formatTime(used.at)} · ${used.merchantName} ${used.till}`
  return `${where}：抵扣 ${yuan(used.deductionFen + used.modelWorkerFen)}，实付 ${yuan(used.payableFen)}`
}

/** The code's two reads: a fresh code (or why there is none), and whether the cashier has confirmed it. */
function useVoucherCode(id: string) {
  const [voucher, setVoucher] = useState<VoucherDTO | null>(null)
  const [unusable, setUnusable] = useState(false)
  const fetchCode = async () => {
    const r = await call('vouchers', 'voucherCode', { voucherId: id }, { silent: true })
    setVoucher(r.voucher)
    if (!r.code) {
      setUnusable(true)
      throw new Error(r.voucher.status === 'unused' ? '不在该券的使用时间内' : '该券已不能使用')
    }
    return r.code
  }
  const checkStatus = async () => {
    const r = await call('vouchers', 'voucherCode', { voucherId: id }, { silent: true })
    const used = r.voucher.redemption
    if (!used) return null
    setVoucher(r.voucher)
    return { title: '已核销', detail: usedText(used) }
  }
  return { voucher, unusable, fetchCode, checkStatus }
}

/** Her voucher's code: rotates (≈30 s), bound to her and this voucher; turns into what was deducted once the cashier confirms. */
export default function VoucherCodePage() {
  const { id = '' } = useParams()
  const { voucher, unusable, fetchCode, checkStatus } = useVoucherCode(id)
  if (!id) {
    return (
      <PageFrame>
        <StateView state='empty' message='请从「我的券」选择要使用的券' />
      </PageFrame>
    )
  }
  return (
    <PageFrame className='voucher-code'>
      <View className='card'>
        {voucher && (
          <Text className='card__title vc-center'>
            {voucher.campaignName} · {voucher.ruleText}
          </Text>
        )}
        {unusable ? (
          <Text id='voucher-unusable' className='vc-line muted vc-center'>
            {voucher ? `此券${STATUS_LABEL[voucher.status]}，不能出示券码` : '此券目前不能使用'}
          </Text>
        ) : (
          <RotatingCode
            id='voucher-qr'
            fetchCode={fetchCode}
            checkStatus={checkStatus}
            deps={[id]}
            hint='请向收银员出示此码。截图无效，二维码会定时更新；券仅限本人使用，不可转让。'
          />
        )}
      </View>
      {voucher && <VoucherCard v={voucher} />}
      <BackLink label='返回我的券' />
    </PageFrame>
  )
}
