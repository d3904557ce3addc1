import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { type DayDTO, type ProgrammeDTO, type SessionDTO, type SessionPeriod, siteLabel } from '~types/screening'
import { RemoteView } from '~src/components/remote-view'
import { useRemote, type Remote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { dayLabel } from '~src/utils/datetime'
import { scrollToId } from '~src/utils/scroll-to'
import { placesBadge } from '~src/packages/screening/lib/format'
import { ChoiceList } from '../choice-list'

const PERIOD: Record<SessionPeriod, string> = { early: '清晨场 · 上班前', day: '白天场', evening: '晚间场 · 下班后' }
const REFRESH_MS = 20_000

interface Props {
  programme: ProgrammeDTO
  selected: SessionDTO | null
  onPick: (session: SessionDTO | null, siteId: string) => void
  /** Bumped by the page (e.g. after SLOT_FULL) to re-read places left. */
  refreshKey: number
}

/** Days of the chosen site and sessions of the chosen day, both re-read every 20 s while shown. */
function usePlaces(pid: string, siteId: string, date: string, refreshKey: number) {
  const days = useRemote(
    (silent) => (siteId ? call('screening', 'listDays', { programmeId: pid, siteId }, { silent }) : Promise.resolve([])),
    [siteId, refreshKey],
  )
  const sessions = useRemote(
    (silent) => (siteId && date ? call('screening', 'listSessions', { programmeId: pid, siteId, date }, { silent }) : Promise.resolve([])),
    [siteId, date, refreshKey],
  )
  // Both reloads are stable across renders, so only a new site or day restarts the timer.
  const reloadDays = days.reload
  const reloadSessions = sessions.reload
  useEffect(() => {
    const timer = setInterval(() => {
      if (siteId) void reloadDays()
      if (siteId && date) void reloadSessions()
    }, REFRESH_MS)
    return () => clearInterval(timer)
  }, [siteId, date, reloadDays, reloadSessions])
  return { days, sessions }
}

function DayChoices({ days, date, onSelect }: { days: Remote<DayDTO[]>; date: string; onSelect: (date: string) => void }) {
  return (
    <RemoteView remote={days} loadingText='正在读取日期…' isEmpty={(d) => d.length === 0} emptyText='该医院暂无可预约的日期'>
      {(list) => (
        <ChoiceList
          idPrefix='day'
          selected={date}
          onSelect={onSelect}
          choices={list.map((d) => ({
            key: d.date,
            title: dayLabel(d.date),
            detail: `${d.sessions} 个时段`,
            badge: placesBadge(d.placesLeft),
            disabled: d.placesLeft === 0,
          }))}
        />
      )}
    </RemoteView>
  )
}

interface SessionChoicesProps {
  sessions: Remote<SessionDTO[]>
  selected: SessionDTO | null
  onPick: (session: SessionDTO | null) => void
}

function SessionChoices({ sessions, selected, onPick }: SessionChoicesProps) {
  return (
    <RemoteView remote={sessions} loadingText='正在读取时段…' isEmpty={(d) => d.length === 0} emptyText='这一天没有时段'>
      {(list) => (
        <ChoiceList
          idPrefix='session'
          itemClass='session-option'
          badgeIdPrefix='places-left'
          selected={selected?.id}
          onSelect={(id) => onPick(list.find((s) => s.id === id) ?? null)}
          choices={list.map((s) => ({
            key: s.id,
            title: s.label,
            detail: PERIOD[s.period],
            badge: placesBadge(s.placesLeft),
            disabled: s.placesLeft === 0,
          }))}
        />
      )}
    </RemoteView>
  )
}

/** Site → day → session, each a column of big options with places left (re-read every 20 s); a full one stays visible but greyed. */
export function SessionPicker({ programme, selected, onPick, refreshKey }: Props) {
  const pid = programme.id
  const [siteId, setSiteId] = useState(programme.sites.length === 1 ? programme.sites[0].id : '')
  const [date, setDate] = useState('')
  const { days, sessions } = usePlaces(pid, siteId, date, refreshKey)
  const pickSite = (id: string) => {
    setSiteId(id)
    setDate('')
    onPick(null, id)
  }
  // The sessions appear far below the day list: take her to them, or she thinks nothing happened.
  const pickDay = (d: string) => {
    setDate(d)
    onPick(null, siteId)
    scrollToId('step-session')
  }
  return (
    <View>
      <Text className='sc-step'>① 选择医院</Text>
      <ChoiceList
        idPrefix='site'
        selected={siteId}
        onSelect={pickSite}
        choices={programme.sites.map((s) => ({ key: s.id, title: siteLabel(s), detail: s.address }))}
      />
      {siteId && <Text className='sc-step'>② 选择日期</Text>}
      {siteId && <DayChoices days={days} date={date} onSelect={pickDay} />}
      {date && (
        <Text id='step-session' className='sc-step'>
          ③ 选择时段
        </Text>
      )}
      {date && <SessionChoices sessions={sessions} selected={selected} onPick={(s) => onPick(s, siteId)} />}
    </View>
  )
}
