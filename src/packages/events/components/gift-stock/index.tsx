import { Text, View } from '@tarojs/components'
import type { GiftTierDTO } from '~types/events'
import { StateView } from '~src/components/state-view'

/** Stock left per tier, as the desk last heard it from the server. */
export function GiftStock({ tiers, error, onRetry }: { tiers: GiftTierDTO[]; error?: string; onRetry?: () => void }) {
  return (
    <View className='card gift-stock'>
      <Text className='card__title'>礼品库存</Text>
      {error && <StateView state='error' message={error} onRetry={onRetry} />}
      {!error && tiers.length === 0 && <Text className='muted'>暂无礼品档位</Text>}
      {tiers.map((t) => (
        <View key={t.id} className='row'>
          <Text>
            {t.name} · {t.gift}
          </Text>
          <Text id={`gift-stock-${t.id}`} className={t.left > 0 ? 'ev-ok' : 'ev-warn'}>
            {t.left} / {t.stock}
          </Text>
        </View>
      ))}
    </View>
  )
}
