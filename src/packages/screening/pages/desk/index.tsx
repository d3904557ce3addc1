import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { StaffSessionDTO } from '~types/screening'
import { routeUrl } from '~types/routes'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { beijingDate, dayLabel, pickerRange } from '~src/utils/datetime'
import { CheckinDesk } from '~src/packages/screening/components/checkin-desk'
import '~src/packages/screening/styles.css'

/** One session of the day: a tap opens its list of women (check-ins, no-shows, results). */
function SessionItem({ s }: { s: StaffSessionDTO }) {
  return (
    <View
      id={`staff-session-${s.id}`}
      className='sc-list-item staff-session'
      hoverClass='sc-pressed'
      onClick={() => Taro.navigateTo({ url: routeUrl('screeningSession', { id: s.id, title: `${dayLabel(s.date)} ${s.label}` }) })}
    >
      <Text className='card__title'>
        {s.label} · {s.programmeName}
      </Text>
      <Text className='sc-sub'>
        预约 {s.booked}/{s.capacity} · 已签到 {s.checkedIn} · 未到 {s.noShows} · 结果已出 {s.resultsReady} ›
      </Text>
    </View>
  )
}

/** Site staff: check women in, then per session mark no-shows and results. */
export default function DeskPage() {
  const [date, setDate] = useState(beijingDate(Date.now()))
  const sessions = useRemote((silent) => call('screening', 'staffSessions', { date }, { silent }), [date])
  // A desk looks back at recent days (results, no-shows) and a few months ahead, never 1970–2999.
  const range = pickerRange(Date.now(), 180, 90)
  return (
    <PageFrame>
      <CheckinDesk onCheckedIn={() => void sessions.reload()} />
      <View className='card'>
        <Text className='card__title'>场次</Text>
        <Picker mode='date' value={date} start={range.start} end={range.end} onChange={(e) => setDate(String(e.detail.value))}>
          <View id='desk-date' className='notice notice--info'>
            <Text className='notice__text'>{dayLabel(date)}</Text>
            <Text className='notice__action'>换日期 ›</Text>
          </View>
        </Picker>
        <RemoteView remote={sessions} isEmpty={(d) => d.length === 0} emptyText='这一天本筛查点没有场次'>
          {(list) => list.map((s) => <SessionItem key={s.id} s={s} />)}
        </RemoteView>
      </View>
    </PageFrame>
  )
}
