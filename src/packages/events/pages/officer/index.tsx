import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { BackLink } from '../../../../components/back-link'
import { BigButton } from '../../../../components/big-button'
import { StateView } from '../../../../components/state-view'
import { call } from '../../../../services/api'
import { PHASE_LABEL, formatRange } from '../../lib/event-format'
import { eventsRoutes } from '../../lib/routes'
import { useRemote } from '../../lib/use-remote'
import '../../styles.css'

/** Officers: every event with its edit, print and dashboard pages; and a new one. */
export default function OfficerHome() {
  const { data, error, reload } = useRemote(() => call('events', 'staffEvents', {}, { idempotent: true }))
  const go = (url: string) => Taro.navigateTo({ url })
  return (
    <View className='page events-officer'>
      <BigButton id='event-new' onClick={() => go(eventsRoutes.edit())}>新建活动</BigButton>
      {!data && <StateView state={error ? 'error' : 'loading'} message={error || undefined} onRetry={() => void reload()} />}
      {data && data.events.length === 0 && <StateView state='empty' message='还没有活动，点击上方「新建活动」' />}
      {data?.events.map((e) => (
        <View key={e.id} id={`officer-event-${e.id}`} className='card'>
          <Text className='card__title'>{e.title}</Text>
          <Text className='muted'>{PHASE_LABEL[e.phase]} · {formatRange(e.startsAt, e.endsAt)} · {e.venue.name}</Text>
          <View className='ev-actions'>
            <BigButton id={`edit-${e.id}`} variant='secondary' onClick={() => go(eventsRoutes.edit(e.id))}>编辑</BigButton>
            {e.boothCount > 0 && <BigButton id={`codes-${e.id}`} variant='secondary' onClick={() => go(eventsRoutes.boothCodes(e.id))}>打印展位码</BigButton>}
            <BigButton id={`dashboard-${e.id}`} onClick={() => go(eventsRoutes.dashboard(e.id))}>数据看板</BigButton>
          </View>
        </View>
      ))}
      <BackLink />
    </View>
  )
}
