import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { CampaignDTO } from '~types/vouchers'
import { routeUrl } from '~types/routes'
import { BigButton } from '~src/components/big-button'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { formatDateTime } from '~src/utils/datetime'
import { CampaignFormView } from '~src/packages/vouchers/components/campaign-form'
import { yuan } from '~src/packages/vouchers/lib/money'
import '~src/packages/vouchers/styles.css'

/** Each campaign with its size, budget and claim window; a tap opens its figures. */
function CampaignRows({ campaigns }: { campaigns: CampaignDTO[] }) {
  return (
    <View className='card'>
      {campaigns.map((c) => (
        <View
          key={c.id}
          id={`campaign-row-${c.id}`}
          className='vc-row'
          onClick={() => void Taro.navigateTo({ url: routeUrl('vouchersDashboard', { id: c.id }) })}
        >
          <View>
            <Text className='vc-line'>{c.name}</Text>
            <Text id={`campaign-row-${c.id}-owner`} className='vc-small'>
              主办：{c.organiser}
            </Text>
            <Text className='vc-small'>
              {c.funderName} · {c.totalVouchers} 张 · 预算 {yuan(c.budgetFen)} · 领取至 {formatDateTime(c.claimEndsAt)}
            </Text>
          </View>
          <Text className='vc-line'>数据 ›</Text>
        </View>
      ))}
    </View>
  )
}

/** Officers: every campaign with a way to its figures, and a form for a new one. */
export default function Campaigns() {
  const list = useRemote((silent) => call('vouchers', 'listCampaigns', {}, { silent }))
  const merchants = useRemote(() => call('vouchers', 'listMerchants', {}, { silent: true }))
  const [creating, setCreating] = useState(false)
  return (
    <PageFrame className='vouchers-campaigns'>
      <Text className='vc-title'>消费券批次</Text>
      <RemoteView remote={list} isEmpty={(cs) => cs.length === 0} emptyText='还没有批次'>
        {(cs) => <CampaignRows campaigns={cs} />}
      </RemoteView>
      {creating ? (
        <CampaignFormView
          merchants={merchants.data ?? []}
          onDone={() => {
            setCreating(false)
            void list.reload()
          }}
        />
      ) : (
        <BigButton id='campaign-new' onClick={() => setCreating(true)}>
          新建批次
        </BigButton>
      )}
    </PageFrame>
  )
}
