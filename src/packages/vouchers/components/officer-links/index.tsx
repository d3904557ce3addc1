import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { routeUrl } from '~types/routes'
import { BigButton } from '~src/components/big-button'

/** An officer's way from the centre to campaigns and merchants. */
export function OfficerLinks() {
  return (
    <View className='card vc-links'>
      <Text className='card__title'>工会干部</Text>
      <BigButton id='to-campaigns' variant='secondary' onClick={() => void Taro.navigateTo({ url: routeUrl('vouchersCampaigns') })}>
        消费券批次与数据
      </BigButton>
      <BigButton id='to-merchants' variant='secondary' onClick={() => void Taro.navigateTo({ url: routeUrl('vouchersMerchants') })}>
        合作商户
      </BigButton>
    </View>
  )
}
