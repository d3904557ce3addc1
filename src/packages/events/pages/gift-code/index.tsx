import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import type { GiftTierDTO } from '../../../../../types/events'
import { BackLink } from '../../../../components/back-link'
import { StateView } from '../../../../components/state-view'
import { call } from '../../../../services/api'
import { RotatingQr } from '../../components/rotating-qr'
import { useParams } from '../../lib/page-params'
import { useRotatingCode } from '../../lib/use-rotating-code'
import '../../styles.css'

export default function GiftCodePage() {
  const { id = '', tier: tierId = '' } = useParams()
  const [tier, setTier] = useState<GiftTierDTO | null>(null)
  const fetchCode = useCallback(async () => {
    const code = await call('events', 'giftCode', { eventId: id, tierId }, { idempotent: true, silent: true })
    setTier(code.tier)
    return code
  }, [id, tierId])
  const code = useRotatingCode(id && tierId ? fetchCode : null)
  if (!id || !tierId) return <View className='page'><StateView state='empty' message='请从集章卡选择要兑换的礼品' /><BackLink /></View>
  return (
    <View className='page gift-code'>
      <View className='card'>
        {tier && <Text className='card__title ev-center'>{tier.name} · {tier.gift}</Text>}
        <RotatingQr id='redeem-qr' {...code} onRetry={() => void code.refresh()} hint='请向礼品台工作人员出示此码。截图无效，二维码会定时更新。' />
      </View>
      <BackLink label='返回集章卡' />
    </View>
  )
}
