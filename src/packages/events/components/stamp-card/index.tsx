import { Text, View } from '@tarojs/components'
import type { StampCardDTO } from '~types/events'
import { formatDateTime } from '~src/utils/datetime'
import { cooldownText, progressPercent, progressText } from '~src/packages/events/lib/stamp-view'

function Progress({ stamped, of }: { stamped: number; of: number }) {
  return (
    <View className='ev-progress'>
      <View className='ev-progress__bar' style={{ width: `${progressPercent(stamped, of)}%` }} />
    </View>
  )
}

/** The card itself: total progress, per zone, and every stamp with its booth and time. */
export function StampCard({ card }: { card: StampCardDTO }) {
  const wait = cooldownText(card.nextStampAt, Date.now())
  return (
    <View className='card stamp-card'>
      <Text className='card__title'>{card.eventTitle}</Text>
      <Text className='muted ev-center'>已集章</Text>
      <Text id='stamp-progress' className='ev-big'>
        {progressText(card)}
      </Text>
      <Progress stamped={card.total} of={card.boothCount} />
      {card.zones.map((z) => (
        <View key={z.zoneId} id={`zone-${z.zoneId}`} className='stamp-card__zone'>
          <View className='row'>
            <Text className='row__label'>{z.name}</Text>
            <Text>
              {z.stamped} / {z.boothCount}
            </Text>
          </View>
          <Progress stamped={z.stamped} of={z.boothCount} />
        </View>
      ))}
      {wait && <Text className='ev-warn'>{wait}</Text>}
      <Text className='card__title'>已盖章的展位</Text>
      {card.stamps.length === 0 && <Text className='muted'>还没有盖章。到展位扫一扫展位码，就能集到第一枚章。</Text>}
      {card.stamps.map((s) => (
        <View key={s.boothId} className='row stamp-card__stamp'>
          <Text>{s.boothName}</Text>
          <Text className='row__label'>{formatDateTime(s.stampedAt)}</Text>
        </View>
      ))}
    </View>
  )
}
