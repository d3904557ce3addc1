import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { VoucherStatus } from '~types/vouchers'
import { routeUrl } from '~types/routes'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { VoucherCard } from '~src/packages/vouchers/components/voucher-card'
import '~src/packages/vouchers/styles.css'

const TABS: { key: 'unused' | 'used' | 'expired'; label: string; has: VoucherStatus[] }[] = [
  { key: 'unused', label: '未使用', has: ['unused'] },
  { key: 'used', label: '已使用', has: ['redeemed'] },
  { key: 'expired', label: '已失效', has: ['expired', 'reversed'] },
]

/** 我的券: unused / used / expired, where each can be used and until when. */
export default function MyVouchers() {
  const [tab, setTab] = useState<(typeof TABS)[number]['key']>('unused')
  const mine = useRemote((silent) => call('vouchers', 'myVouchers', {}, { silent }))
  const shown = TABS.find((t) => t.key === tab)!
  return (
    <PageFrame className='vouchers-mine'>
      <Text className='vc-title'>我的券</Text>
      <View className='vc-tabs'>
        {TABS.map((t) => (
          <View key={t.key} id={`tab-${t.key}`} className={`vc-tab ${t.key === tab ? 'vc-tab--on' : ''}`} onClick={() => setTab(t.key)}>
            {t.label}
            {mine.data ? ` ${mine.data.filter((v) => t.has.includes(v.status)).length}` : ''}
          </View>
        ))}
      </View>
      <RemoteView remote={mine} isEmpty={(vs) => !vs.some((v) => shown.has.includes(v.status))} emptyText={`没有${shown.label}的券`}>
        {(vs) => (
          <View>
            {vs
              .filter((v) => shown.has.includes(v.status))
              .map((v) => (
                <VoucherCard
                  key={v.id}
                  v={v}
                  onOpen={v.status === 'unused' ? () => void Taro.navigateTo({ url: routeUrl('vouchersCode', { id: v.id }) }) : undefined}
                />
              ))}
          </View>
        )}
      </RemoteView>
    </PageFrame>
  )
}
