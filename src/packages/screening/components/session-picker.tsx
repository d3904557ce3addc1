import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { DayDTO, ProgrammeDTO, SessionDTO, SessionPeriod } from '../../../../types/screening'
import { StateView } from '../../../components/state-view'
import { call, messageOf } from '../../../services/api'
import { dayLabel, placesBadge } from '../utils/format'
import { ChoiceList } from './choice-list'

const PERIOD: Record<SessionPeriod, string> = { early: '清晨场 · 上班前', day: '白天场', evening: '晚间场 · 下班后' }
const REFRESH_MS = 20_000

interface Props {
  programme: ProgrammeDTO
  selected: SessionDTO | null
  onPick: (session: SessionDTO | null, siteId: string) => void
  /** Bumped by the page (e.g. after SLOT_FULL) to re-read places left. */
  refreshKey: number
}

interface Step<T> {
  data: T | null
  error: string
}

/** Read on mount and whenever `key` changes; re-read quietly every 20 s so places left stay live. */
function useStep<T>(key: string | null, load: (silent: boolean) => Promise<T>, refreshKey: number): Step<T> & { retry: () => void } {
  const [state, setState] = useState<Step<T>>({ data: null, error: '' })
  const [retries, setRetries] = useState(0)
  useEffect(() => {
    if (!key) return undefined
    let live = true
    const read = (silent: boolean) =>
      load(silent).then(
        (data) => live && setState({ data, error: '' }),
        (err) => live && !silent && setState({ data: null, error: messageOf(err) }),
      )
    setState({ data: null, error: '' })
    void read(false)
    const timer = setInterval(() => void read(true), REFRESH_MS)
    return () => {
      live = false
      clearInterval(timer)
    }
  }, [key, refreshKey, retries])
  return { ...state, retry: () => setRetries(retries + 1) }
}

/** Site → day → session, each a column of big options with places left; a full one stays visible but greyed. */
export function SessionPicker({ programme, selected, onPick, refreshKey }: Props) {
  const pid = programme.id
  const [siteId, setSiteId] = useState(programme.sites.length === 1 ? programme.sites[0].id : '')
  const [date, setDate] = useState('')
  const days = useStep<DayDTO[]>(siteId || null, (silent) => call('screening', 'listDays', { programmeId: pid, siteId }, { idempotent: true, silent }), refreshKey)
  const sessions = useStep<SessionDTO[]>(
    siteId && date ? `${siteId}/${date}` : null,
    (silent) => call('screening', 'listSessions', { programmeId: pid, siteId, date }, { idempotent: true, silent }),
    refreshKey,
  )
  const pickSite = (id: string) => {
    setSiteId(id)
    setDate('')
    onPick(null, id)
  }
  const pickDay = (d: string) => {
    setDate(d)
    onPick(null, siteId)
  }
  return (
    <View>
      <Text className='sc-step'>① 选择医院</Text>
      <ChoiceList idPrefix='site' selected={siteId} onSelect={pickSite} choices={programme.sites.map((s) => ({ key: s.id, title: s.name, detail: s.address }))} />
      {siteId && <Text className='sc-step'>② 选择日期</Text>}
      {siteId && !days.data && <StateView state={days.error ? 'error' : 'loading'} message={days.error || '正在读取日期…'} onRetry={days.retry} />}
      {days.data?.length === 0 && <StateView state='empty' message='该医院暂无可预约的日期' />}
      {days.data && (
        <ChoiceList
          idPrefix='day'
          selected={date}
          onSelect={pickDay}
          choices={days.data.map((d) => ({ key: d.date, title: dayLabel(d.date), detail: `${d.sessions} 个时段`, badge: placesBadge(d.placesLeft), disabled: d.placesLeft === 0 }))}
        />
      )}
      {date && <Text className='sc-step'>③ 选择时段</Text>}
      {date && !sessions.data && <StateView state={sessions.error ? 'error' : 'loading'} message={sessions.error || '正在读取时段…'} onRetry={sessions.retry} />}
      {sessions.data?.length === 0 && <StateView state='empty' message='这一天没有时段' />}
      {sessions.data && (
        <ChoiceList
          idPrefix='session'
          itemClass='session-option'
          badgeIdPrefix='places-left'
          selected={selected?.id}
          onSelect={(id) => onPick(sessions.data?.find((s) => s.id === id) ?? null, siteId)}
          choices={sessions.data.map((s) => ({ key: s.id, title: s.label, detail: PERIOD[s.period], badge: placesBadge(s.placesLeft), disabled: s.placesLeft === 0 }))}
        />
      )}
    </View>
  )
}
