import { Text, View } from '@tarojs/components'
import type { RedemptionRowDTO } from '~types/vouchers'
import { BigButton } from '~src/components/big-button'
import { formatDateTime } from '~src/utils/datetime'
import { yuan } from '~src/packages/vouchers/lib/money'

interface Props {
  rows: RedemptionRowDTO[]
  busy?: boolean
  onReverse?: (row: RedemptionRowDTO) => void
}

/** Redemption and reversal rows: time, till, masked member, bill and deduction by funder. */
export function RowList({ rows, busy, onReverse }: Props) {
  return (
    <View>
      {rows.map((r) => (
        <View key={r.id} id={`row-${r.id}`} className='vc-row'>
          <View>
            <Text className='vc-line'>
              {r.type === 'reverse' ? '撤销' : '核销'} · {formatDateTime(r.at)} · {r.till}
            </Text>
            <Text className='vc-small'>
              {r.memberMasked} · {r.campaignName}
            </Text>
            <Text className='vc-small'>
              消费 {yuan(r.billFen)} · 工会 {yuan(r.type === 'reverse' ? -r.unionFen : r.unionFen)}
              {r.merchantFen ? ` · 商户让利 ${yuan(r.type === 'reverse' ? -r.merchantFen : r.merchantFen)}` : ''}
              {r.reversed ? ' · 已撤销' : ''}
            </Text>
          </View>
          {onReverse && r.reversible && (
            <BigButton id={`reverse-${r.id}`} variant='danger' loading={busy} onClick={() => onReverse(r)}>
              撤销
            </BigButton>
          )}
        </View>
      ))}
    </View>
  )
}
