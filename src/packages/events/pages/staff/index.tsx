import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { routeUrl } from '~types/routes'
import { BigButton } from '~src/components/big-button'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { formatRange } from '~src/utils/datetime'
import '~src/packages/events/styles.css'

/** The events this staff member works at, each with the desks they can run. */
export default function StaffHome() {
  const staff = useRemote((silent) => call('events', 'staffEvents', {}, { silent }))
  const go = (url: string) => Taro.navigateTo({ url })
  return (
    <PageFrame className='events-staff'>
      <RemoteView
        remote={staff}
        isEmpty={(d) => d.events.length === 0}
        emptyText='您目前没有负责的活动。请向工会干部索取活动工作人员邀请码。'
      >
        {({ events }) =>
          events.map((e) => (
            <View key={e.id} id={`staff-event-${e.id}`} className='card'>
              <Text className='card__title'>{e.title}</Text>
              <Text className='muted'>
                {formatRange(e.startsAt, e.endsAt)} · {e.venue.name}
              </Text>
              <View className='ev-actions'>
                {e.kind === 'fair' && (
                  <BigButton id={`desk-${e.id}`} onClick={() => go(routeUrl('eventsGiftDesk', { id: e.id }))}>
                    礼品兑换台
                  </BigButton>
                )}
                {e.checkpointCount > 0 && (
                  <BigButton id={`station-${e.id}`} variant='secondary' onClick={() => go(routeUrl('eventsStation', { id: e.id }))}>
                    签到点
                  </BigButton>
                )}
              </View>
            </View>
          ))
        }
      </RemoteView>
    </PageFrame>
  )
}
