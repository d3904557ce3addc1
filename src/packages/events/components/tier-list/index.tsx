import { Text, View } from '@tarojs/components'
import type { TierProgressDTO } from '~types/events'
import { BigButton } from '~src/components/big-button'
import { tierAction } from '~src/packages/events/lib/stamp-view'

/** Gift tiers with what each needs; a qualifying tier opens its redemption code. */
export function TierList({ tiers, onOpen }: { tiers: TierProgressDTO[]; onOpen: (tierId: string) => void }) {
  return (
    <View className='card'>
      <Text className='card__title'>集章换礼</Text>
      {tiers.length === 0 && <Text className='muted'>本活动暂未设置兑换礼品</Text>}
      {tiers.map((t) => {
        const action = tierAction(t)
        return (
          <View key={t.tier.id} id={`tier-${t.tier.id}`} className='ev-tier'>
            <Text className='card__title'>
              {t.tier.name} · {t.tier.gift}
            </Text>
            <Text className='muted'>
              剩余 {t.tier.left} / {t.tier.stock} 份
            </Text>
            {action.kind === 'open' ? (
              <BigButton id={`open-tier-${t.tier.id}`} onClick={() => onOpen(t.tier.id)}>
                {action.text}
              </BigButton>
            ) : (
              <Text className={action.kind === 'redeemed' ? 'ev-ok' : 'ev-warn'}>{action.text}</Text>
            )}
          </View>
        )
      })}
    </View>
  )
}
