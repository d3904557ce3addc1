import { CustomWrapper, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { SERVICES } from '~src/constants/service-catalog'

/**
 * The four service entries. In WeChat the CustomWrapper makes this grid its own
 * custom component, so its updates send only its own data, not the whole page's.
 * `verified` is null while unknown: no "需先认证" tag flashes before we know.
 * A service not open yet is greyed and tagged 即将开放; its page says what it will do.
 */
export function ServiceGrid({ verified }: { verified: boolean | null }) {
  return (
    <CustomWrapper>
      <View className='home__services'>
        {SERVICES.map((s) => (
          <View
            key={s.key}
            id={`service-${s.key}`}
            className={`service-tile ${s.open ? '' : 'service-tile--soon'}`}
            hoverClass='service-tile--pressed'
            onClick={() => Taro.navigateTo({ url: s.path })}
          >
            <Text className='service-tile__name'>{s.name}</Text>
            <Text className='service-tile__summary'>{s.summary}</Text>
            {!s.open && <Text className='service-tile__soon'>即将开放</Text>}
            {s.open && s.needsVerification && verified === false && <Text className='service-tile__tag'>需先认证</Text>}
          </View>
        ))}
      </View>
    </CustomWrapper>
  )
}
