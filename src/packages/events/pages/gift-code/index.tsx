import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { GiftTierDTO } from '~types/events'
import { BackLink } from '~src/components/back-link'
import { PageFrame } from '~src/components/page-frame'
import { RotatingCode } from '~src/components/rotating-code'
import { StateView } from '~src/components/state-view'
import { outcomeOf } from '~src/hooks/use-rotating-code'
import { call } from '~src/services/api'
import { useParams } from '~src/hooks/use-params'
import '~src/packages/events/styles.css'

/** Her gift code; it turns into 已领取 as soon as the desk confirms, so she knows the gift is hers. */
export default function GiftCodePage() {
  const { id = '', tier: tierId = '' } = useParams()
  const [tier, setTier] = useState<GiftTierDTO | null>(null)
  const fetchCode = async () => {
    const code = await call('events', 'giftCode', { eventId: id, tierId }, { silent: true })
    setTier(code.tier)
    return code
  }
  const checkStatus = async () => outcomeOf(await call('events', 'codeStatus', { eventId: id, tierId }, { silent: true }))
  if (!id || !tierId) {
    return (
      <PageFrame>
        <StateView state='empty' message='请从集章卡选择要兑换的礼品' />
      </PageFrame>
    )
  }
  return (
    <PageFrame className='gift-code'>
      <View className='card'>
        {tier && (
          <Text className='card__title ev-center'>
            {tier.name} · {tier.gift}
          </Text>
        )}
        <RotatingCode
          id='redeem-qr'
          fetchCode={fetchCode}
          checkStatus={checkStatus}
          deps={[id, tierId]}
          hint='请向礼品台工作人员出示此码。截图无效，二维码会定时更新。'
        />
      </View>
      <BackLink label='返回集章卡' />
    </PageFrame>
  )
}
