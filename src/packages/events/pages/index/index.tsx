import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { EventSummaryDTO } from '~types/events'
import type { RoleDTO } from '~types/member'
import { routeUrl } from '~types/routes'
import { BigButton } from '~src/components/big-button'
import { NoticeBanner } from '~src/components/notice-banner'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { cachedMe, loadMe } from '~src/services/me-store'
import { EventCard } from '~src/packages/events/components/event-card'
import { SignUpButton } from '~src/packages/events/components/sign-up-button'
import '~src/packages/events/styles.css'

const go = (url: string) => Taro.navigateTo({ url })

/** What a member can do with an event from the list, beyond signing up. */
function EventActions({ e }: { e: EventSummaryDTO }) {
  const mayTake = !e.signUp.required || !!e.mySignUp
  if (e.phase === 'ended' || !mayTake) return null
  return (
    <View className='ev-actions'>
      {e.boothCount > 0 && (
        <BigButton id={`card-${e.id}`} onClick={() => go(routeUrl('eventsStampCard', { id: e.id }))}>
          我的集章卡
        </BigButton>
      )}
      {e.checkpointCount > 0 && (
        <BigButton id={`checkin-${e.id}`} variant='secondary' onClick={() => go(routeUrl('eventsCheckin', { id: e.id }))}>
          我的签到码
        </BigButton>
      )}
    </View>
  )
}

function Section({ title, events, onChange }: { title: string; events: EventSummaryDTO[]; onChange: () => void }) {
  if (events.length === 0) return null
  return (
    <View>
      <Text className='ev-title'>{title}</Text>
      {events.map((e) => (
        <EventCard key={e.id} event={e} url={routeUrl(e.boothCount > 0 ? 'eventsStampCard' : 'eventsCheckin', { id: e.id })}>
          <SignUpButton event={e} onDone={onChange} />
          <EventActions e={e} />
        </EventCard>
      ))}
    </View>
  )
}

/** The staff and officer entries of this hall, for those whose roles allow them. */
function RoleEntries({ roles }: { roles: RoleDTO[] }) {
  if (!roles.some((r) => r.role === 'staff' || r.role === 'officer')) return null
  return (
    <View className='ev-links'>
      <NoticeBanner
        id='go-events-staff'
        text='活动工作人员：礼品兑换台、签到点'
        actionText='进入'
        onAction={() => go(routeUrl('eventsStaff'))}
      />
      {roles.some((r) => r.role === 'officer') && (
        <NoticeBanner
          id='go-events-officer'
          text='工会干部：创建活动、打印展位码、数据看板'
          actionText='进入'
          onAction={() => go(routeUrl('eventsOfficer'))}
        />
      )}
    </View>
  )
}

export default function EventsIndex() {
  const list = useRemote((silent) => call('events', 'listEvents', {}, { silent }))
  // Opened directly (shared link, reload): learn the caller's roles for the staff and officer entries.
  const [me, setMe] = useState(cachedMe())
  useEffect(() => {
    if (!me) loadMe({ silent: true }).then(setMe, () => undefined)
  }, [me])
  const roles = me?.roles ?? []
  return (
    <PageFrame className='events'>
      {/* Staff and officers find their entry first, not below every event. */}
      <RoleEntries roles={roles} />
      <RemoteView remote={list} isEmpty={(d) => d.events.length === 0} emptyText='近期没有活动，敬请关注'>
        {({ events }) => (
          <>
            <Section title='进行中' events={events.filter((e) => e.phase === 'ongoing')} onChange={() => void list.reload()} />
            <Section title='即将开始' events={events.filter((e) => e.phase === 'upcoming')} onChange={() => void list.reload()} />
          </>
        )}
      </RemoteView>
      <View className='ev-links'>
        <NoticeBanner id='go-my-checkins' text='我的签到记录' actionText='查看' onAction={() => go(routeUrl('eventsMine'))} />
      </View>
    </PageFrame>
  )
}
