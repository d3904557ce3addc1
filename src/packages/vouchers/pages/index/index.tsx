import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CentreItemDTO } from '~types/vouchers'
import { routeUrl } from '~types/routes'
import { BigButton } from '~src/components/big-button'
import { NoticeBanner } from '~src/components/notice-banner'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { SubscribeSheet } from '~src/components/subscribe-sheet'
import { useAction } from '~src/hooks/use-action'
import { useNow } from '~src/hooks/use-now'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { requestNotices } from '~src/services/subscribe'
import { CampaignCard } from '~src/packages/vouchers/components/campaign-card'
import { MerchantDesks } from '~src/packages/vouchers/components/merchant-desks'
import { OfficerLinks } from '~src/packages/vouchers/components/officer-links'
import { notify } from '~src/services/notify'
import '~src/packages/vouchers/styles.css'

/** A card's one action: enter the draw, or claim (then open the voucher's code). */
function useCampaignAction(reload: () => Promise<unknown>) {
  return useAction(async (item: CentreItemDTO) => {
    if (item.state === 'enter_draw') {
      await call('vouchers', 'enterDraw', { campaignId: item.campaign.id }, { loadingText: '正在报名' })
      notify('已报名抽签')
    } else {
      // The expiry reminder's opt-in: asked within her tap (WeChat shows the dialog only there) and beside
      // the claim, which goes out at once and never waits for it; the opt-in never fails the claim.
      const optIn = requestNotices('vouchers', ['voucher'])
      const v = await call('vouchers', 'claim', { campaignId: item.campaign.id }, { loadingText: '正在领取' })
      await optIn
      notify('领取成功')
      void Taro.navigateTo({ url: routeUrl('vouchersCode', { id: v.id }) })
    }
    await reload()
  })
}

/** 消费券中心: what she can claim now, what opens soon, and why the rest is not for her. */
export default function VouchersCentre() {
  const now = useNow()
  const centre = useRemote((silent) => call('vouchers', 'centre', {}, { silent }))
  const staff = useRemote(() => call('vouchers', 'myMerchants', {}, { silent: true }))
  const me = useRemote(() => call('member', 'me', {}, { silent: true }))
  const act = useCampaignAction(centre.reload)
  return (
    <PageFrame className='vouchers-centre'>
      <Text className='vc-title'>工会消费券</Text>
      {/* Cashiers and officers find their entry first, above the campaigns. */}
      {!!staff.data?.length && <MerchantDesks merchants={staff.data} />}
      {!!me.data?.roles.some((r) => r.role === 'officer') && <OfficerLinks />}
      <BigButton id='to-mine' variant='secondary' onClick={() => void Taro.navigateTo({ url: routeUrl('vouchersMine') })}>
        我的券
      </BigButton>
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
      <SubscribeSheet />
    </PageFrame>
  )
}
