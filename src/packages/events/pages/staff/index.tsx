import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { BackLink } from '../../../../components/back-link'
import { BigButton } from '../../../../components/big-button'
import { StateView } from '../../../../components/state-view'
import { call } from '../../../../services/api'
import { formatRange } from '../../lib/event-format'
import { eventsRoutes } from '../../lib/routes'
import { useRemote } from '../../lib/use-remote'
import '../../styles.css'

/** The events this staff member works at, each with the desks they can run. */
export default function StaffHome() {
  const { data, error, reload } = useRemote(() => call('events', 'staffEvents', {}, { idempotent: true }))
  const go = (url: string) => Taro.navigateTo({ url })
  return (
    <View className='page events-staff'>
      {!data && <StateView state={error ? 'error' : 'loading'} message={error || undefined} onRetry={() => void reload()} />}
      {data && data.events.length === 0 && <StateView state='empty' message='您目前没有负责的活动。请向工会干部索取活动工作人员邀请码。' />}
      {data?.events.map((e) => (
        <View key={e.id} id={`staff-event-${e.id}`} className='card'>
          <Text className='card__title'>{e.title}</Text>
          <Text className='muted'>{formatRange(e.startsAt, e.endsAt)} · {e.venue.name}</Text>
          <View className='ev-actions'>
            {e.kind === 'fair' && <BigButton id={`desk-${e.id}`} onClick={() => go(eventsRoutes.giftDesk(e.id))}>礼品兑换台</BigButton>}
            {e.checkpointCount > 0 && <BigButton id={`station-${e.id}`} variant='secondary' onClick={() => go(eventsRoutes.station(e.id))}>签到点</BigButton>}
          </View>
        </View>
      ))}
      <BackLink />
    </View>
  )
}
