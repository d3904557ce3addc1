import { Text, View } from '@tarojs/components'
import type { VoucherDTO } from '~types/vouchers'
import { formatDateTime } from '~src/utils/datetime'
import { STATUS_LABEL } from '~src/packages/vouchers/lib/labels'
import { yuan } from '~src/packages/vouchers/lib/money'

/** A voucher in 我的券: what it gives, where and until when, and how it was used. */
export function VoucherCard({ v, onOpen }: { v: VoucherDTO; onOpen?: () => void }) {
  const r = v.redemption
  return (
    <View id={`voucher-${v.id}`} className='card' hoverClass={onOpen ? 'big-button--pressed' : 'none'} onClick={onOpen}>
      <Text className='card__title'>{v.campaignName}</Text>
      <Text className='vc-rule'>{v.ruleText}</Text>
      <Text className={`vc-tag ${v.status === 'unused' ? '' : v.status === 'redeemed' ? 'vc-tag--ok' : 'vc-tag--muted'}`}>
        {STATUS_LABEL[v.status]}
      </Text>
      <Text className='vc-small'>可用商户：{v.merchants.map((m) => m.name).join('、')}</Text>
      <Text className='vc-small'>
        使用期限：{formatDateTime(v.useStartsAt)} 至 {formatDateTime(v.useEndsAt)}
      </Text>
      {r && (
        <Text id={`voucher-${v.id}-used`} className='vc-line ok-text'>
          {formatDateTime(r.at)} 于 {r.merchantName}（{r.till}）使用：消费 {yuan(r.billFen)}，券抵扣 {yuan(r.deductionFen)}
          {r.modelWorkerFen ? `，劳模折上折 ${yuan(r.modelWorkerFen)}` : ''}，实付 {yuan(r.payableFen)}
        </Text>
      )}
      {onOpen && v.status === 'unused' && (
        <Text className='vc-line' style={{ color: 'var(--brand)' }}>
          出示券码 ›
        </Text>
      )}
    </View>
  )
}
