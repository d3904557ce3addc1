import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { BackLink } from '../../../../components/back-link'
import { StateView } from '../../../../components/state-view'
import { call } from '../../../../services/api'
import { formatShanghai } from '../../../../utils/datetime'
import { CheckinDesk } from '../../components/checkin-desk'
import { useRemote } from '../../hooks/use-remote'
import { dayLabel } from '../../utils/format'
import { routes } from '../../utils/routes'
import '../../styles.css'

/** Site staff: check women in, then per session mark no-shows and results. */
export default function DeskPage() {
  const [date, setDate] = useState(formatShanghai(Date.now(), 'YYYY-MM-DD'))
  // The loader reads the date from a ref, so a reload right after picking a day uses the new one.
  const dateRef = useRef(date)
  const sessions = useRemote((silent) => call('screening', 'staffSessions', { date: dateRef.current }, { idempotent: true, silent }))
  const pickDate = (value: string) => {
    dateRef.current = value
    setDate(value)
    void sessions.reload()
  }
  return (
    <View className='page'>
      <CheckinDesk onCheckedIn={() => void sessions.reload()} />
      <View className='card'>
        <Text className='card__title'>场次</Text>
        <Picker mode='date' value={date} onChange={(e) => pickDate(String(e.detail.value))}>
          <View id='desk-date' className='notice notice--info'>
            <Text className='notice__text'>{dayLabel(date)}</Text>
            <Text className='notice__action'>换日期 ›</Text>
          </View>
        </Picker>
        {!sessions.loaded && <StateView state={sessions.error ? 'error' : 'loading'} message={sessions.error || undefined} onRetry={sessions.reload} />}
        {sessions.data?.length === 0 && <StateView state='empty' message='这一天本筛查点没有场次' />}
        {sessions.data?.map((s) => (
          <View
            key={s.id}
            id={`staff-session-${s.id}`}
            className='sc-list-item staff-session'
            hoverClass='sc-pressed'
            onClick={() => Taro.navigateTo({ url: routes.session(s.id, `${dayLabel(s.date)} ${s.label}`) })}
          >
            <Text className='card__title'>{s.label} · {s.programmeName}</Text>
            <Text className='sc-sub'>
              预约 {s.booked}/{s.capacity} · 已签到 {s.checkedIn} · 未到 {s.noShows} · 结果已出 {s.resultsReady} ›
            </Text>
          </View>
        ))}
      </View>
      <BackLink />
    </View>
  )
}
