import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CentreItemDTO } from '../../../../../types/vouchers'
import { routeUrl } from '../../../../../types/routes'
import { BigButton } from '../../../../components/big-button'
import { NoticeBanner } from '../../../../components/notice-banner'
import { PageFrame } from '../../../../components/page-frame'
import { RemoteView } from '../../../../components/remote-view'
import { useAction } from '../../../../hooks/use-action'
import { useNow } from '../../../../hooks/use-now'
import { useRemote } from '../../../../hooks/use-remote'
import { call } from '../../../../services/api'
import { CampaignCard } from '../../components/campaign-card'
import '../../styles.css'

/** 消费券中心: what she can claim now, what opens soon, and why the rest is not for her. */
export default function VouchersCentre() {
  const now = useNow()
  const centre = useRemote((silent) => call('vouchers', 'centre', {}, { silent }))
  const staff = useRemote(() => call('vouchers', 'myMerchants', {}, { silent: true }))
  const me = useRemote(() => call('member', 'me', {}, { silent: true }))
  const officer = !!me.data?.roles.some((r) => r.role === 'officer')
  const act = useAction(async (item: CentreItemDTO) => {
    if (item.state === 'enter_draw') {
      await call('vouchers', 'enterDraw', { campaignId: item.campaign.id }, { loadingText: '正在报名' })
      Taro.showToast({ title: '已报名抽签', icon: 'success' })
    } else {
      const v = await call('vouchers', 'claim', { campaignId: item.campaign.id }, { loadingText: '正在领取' })
      Taro.showToast({ title: '领取成功', icon: 'success' })
      void Taro.navigateTo({ url: routeUrl('vouchersCode', { id: v.id }) })
    }
    await centre.reload()
  })
  return (
    <PageFrame className='vouchers-centre'>
      <Text className='vc-title'>工会消费券</Text>
      <BigButton id='to-mine' variant='secondary' onClick={() => void Taro.navigateTo({ url: routeUrl('vouchersMine') })}>我的券</BigButton>
      {act.error && <NoticeBanner id='claim-error' tone='warn' text={act.error} />}
      <RemoteView remote={centre} isEmpty={(items) => items.length === 0} emptyText='目前没有可领取的消费券'>
        {(items) => (
          <View>
            {items.map((item) => (
              <CampaignCard key={item.campaign.id} item={item} now={now} busy={act.busy} onAct={(i) => void act.run(i)} />
            ))}
          </View>
        )}
      </RemoteView>
      {!!staff.data?.length && (
        <View className='card'>
          <Text className='card__title'>商户工作台</Text>
          {staff.data.map(({ merchant, manager }) => (
            <View key={merchant.id} className='vc-links'>
              <BigButton id={`till-${merchant.id}`} variant='secondary' onClick={() => void Taro.navigateTo({ url: routeUrl('vouchersTill', { merchant: merchant.id }) })}>{merchant.name} · 收银台核销</BigButton>
              {manager && <BigButton variant='secondary' onClick={() => void Taro.navigateTo({ url: routeUrl('vouchersStatement', { merchant: merchant.id }) })}>对账单</BigButton>}
            </View>
          ))}
        </View>
      )}
      {officer && (
        <View className='card vc-links'>
          <Text className='card__title'>工会干部</Text>
          <BigButton id='to-campaigns' variant='secondary' onClick={() => void Taro.navigateTo({ url: routeUrl('vouchersCampaigns') })}>消费券批次与数据</BigButton>
          <BigButton id='to-merchants' variant='secondary' onClick={() => void Taro.navigateTo({ url: routeUrl('vouchersMerchants') })}>合作商户</BigButton>
        </View>
      )}
    </PageFrame>
  )
}
