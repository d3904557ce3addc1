import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { StaffMerchantDTO } from '~types/vouchers'
import { routeUrl } from '~types/routes'
import { BigButton } from '~src/components/big-button'

/** 商户工作台: each merchant she works at, its till, and its statement when she is its manager. */
export function MerchantDesks({ merchants }: { merchants: StaffMerchantDTO[] }) {
  return (
    <View className='card'>
      <Text className='card__title'>商户工作台</Text>
      {merchants.map(({ merchant, manager }) => (
        <View key={merchant.id} className='vc-links'>
          <BigButton
            id={`till-${merchant.id}`}
            variant='secondary'
            onClick={() => void Taro.navigateTo({ url: routeUrl('vouchersTill', { merchant: merchant.id }) })}
          >
            {merchant.name} · 收银台核销
          </BigButton>
          {manager && (
            <BigButton
              variant='secondary'
              onClick={() => void Taro.navigateTo({ url: routeUrl('vouchersStatement', { merchant: merchant.id }) })}
            >
              对账单
            </BigButton>
          )}
        </View>
      ))}
    </View>
  )
}
