import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { routeUrl } from '~types/routes'
import { BigButton } from '~src/components/big-button'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { formatRange } from '~src/utils/datetime'
import { PHASE_LABEL } from '~src/packages/events/lib/event-format'
import '~src/packages/events/styles.css'

/** Officers: every event her union and those below it run (issue 20), with its edit, print and dashboard pages; and a new one. */
export default function OfficerHome() {
  const staff = useRemote((silent) => call('events', 'staffEvents', {}, { silent }))
  const go = (url: string) => Taro.navigateTo({ url })
  return (
    <PageFrame className='events-officer'>
      <BigButton id='event-new' onClick={() => go(routeUrl('eventsEdit'))}>
        新建活动
      </BigButton>
      <RemoteView remote={staff} isEmpty={(d) => d.events.length === 0} emptyText='还没有活动，点击上方「新建活动」'>
        {({ events }) =>
          events.map((e) => (
            <View key={e.id} id={`officer-event-${e.id}`} className='card'>
              <Text className='card__title'>{e.title}</Text>
              <Text className='muted'>
                {PHASE_LABEL[e.phase]} · {formatRange(e.startsAt, e.endsAt)} · {e.venue.name}
              </Text>
              <Text id={`officer-event-${e.id}-organiser`} className='muted'>
                主办：{e.organiser}
              </Text>
              <View className='ev-actions'>
                <BigButton id={`edit-${e.id}`} variant='secondary' onClick={() => go(routeUrl('eventsEdit', { id: e.id }))}>
                  编辑
                </BigButton>
                {e.boothCount > 0 && (
                  <BigButton id={`codes-${e.id}`} variant='secondary' onClick={() => go(routeUrl('eventsBoothCodes', { id: e.id }))}>
                    打印展位码
                  </BigButton>
                )}
                <BigButton id={`dashboard-${e.id}`} onClick={() => go(routeUrl('eventsDashboard', { id: e.id }))}>
                  数据看板
                </BigButton>
              </View>
            </View>
          ))
        }
      </RemoteView>
    </PageFrame>
  )
}
