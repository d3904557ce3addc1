import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { CheckInCountsDTO, CheckpointDTO, EventDetailDTO } from '~types/events'
import { BigButton } from '~src/components/big-button'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { ScanBox } from '~src/components/scan-box'
import { useAction } from '~src/hooks/use-action'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { formatRange, formatTime } from '~src/utils/datetime'
import { CheckpointPoster, CheckpointScreen } from '~src/packages/events/components/checkpoint-screen'
import { useParams } from '~src/hooks/use-params'
import '~src/packages/events/styles.css'

const POLL_MS = 10_000

/** "已签到 12 / 40" against sign-ups, or "已签到 12 人" for an event without sign-up (never "/ 0"). */
const countText = (checkedIn: number, signedUp: number) => (signedUp > 0 ? `已签到 ${checkedIn} / ${signedUp}` : `已签到 ${checkedIn} 人`)

function Counts({ counts }: { counts: CheckInCountsDTO | null }) {
  const signedUp = counts?.signedUp ?? 0
  return (
    <View id='checkin-counts' className='card'>
      <Text className='card__title'>实时人数{signedUp > 0 ? `（已报名 ${signedUp} 人）` : ''}</Text>
      {(counts?.checkpoints ?? []).map((c, _i, all) => (
        <View key={c.checkpointId} className='row'>
          <Text>{all.length > 1 ? c.name : '本签到点'}</Text>
          <Text id={`count-${c.checkpointId}`} className='ev-ok'>
            {countText(c.checkedIn, signedUp)}
          </Text>
        </View>
      ))}
    </View>
  )
}

function Desk({ event, current, onCounts }: { event: EventDetailDTO; current: CheckpointDTO; onCounts: (c: CheckInCountsDTO) => void }) {
  const [showCode, setShowCode] = useState(false)
  const [poster, setPoster] = useState(false)
  const [done, setDone] = useState<{ ok: boolean; text: string } | null>(null)
  const checkIn = useAction(async (token: string) => {
    setDone(null)
    const r = await call('events', 'checkIn', { eventId: event.id, checkpointId: current.id, token }, { loadingText: '正在签到' })
    onCounts(r.counts)
    setDone(
      r.status === 'already'
        ? { ok: false, text: `${r.memberName} 已签到（${formatTime(r.checkedInAt)}），无需重复签到` }
        : { ok: true, text: `${r.memberName} 签到成功 ${formatTime(r.checkedInAt)}` },
    )
  })
  const shown = checkIn.error ? { ok: false, text: checkIn.error } : done
  return (
    <View className='card'>
      <Text className='card__title'>{current.name}</Text>
      <Text className='muted'>开放时间：{formatRange(current.opensAt, current.closesAt)}</Text>
      {shown && (
        <View id='station-result' className={`ev-result ev-result--${shown.ok ? 'ok' : 'warn'}`}>
          {shown.text}
        </View>
      )}
      {showCode ? (
        <CheckpointScreen eventId={event.id} checkpointId={current.id} />
      ) : (
        <ScanBox idPrefix='station' scanText='扫会员签到码' inputLabel='签到码' onCode={checkIn.run} busy={checkIn.busy} />
      )}
      <BigButton variant='secondary' onClick={() => setShowCode(!showCode)}>
        {showCode ? '改为扫会员签到码' : '大屏显示签到点二维码（会员自助扫码）'}
      </BigButton>
      {poster && <CheckpointPoster eventId={event.id} checkpointId={current.id} />}
      <BigButton id='station-poster' variant='secondary' onClick={() => setPoster(!poster)}>
        {poster ? '收起张贴用小程序码' : '张贴用小程序码（微信扫一扫签到）'}
      </BigButton>
    </View>
  )
}

/** Live counts, polled while the page is open; a check-in made here updates them at once through the setter. */
function useCheckInCounts(id: string) {
  const [counts, setCounts] = useState<CheckInCountsDTO | null>(null)
  useEffect(() => {
    if (!id) return undefined
    const load = () => call('events', 'checkInCounts', { eventId: id }, { silent: true }).then(setCounts, () => undefined)
    void load()
    const timer = setInterval(load, POLL_MS)
    return () => clearInterval(timer)
  }, [id])
  return [counts, setCounts] as const
}

/** A checkpoint's staff screen: scan members in, or show a code for them to scan; counts stay live. */
export default function Station() {
  const { id = '' } = useParams()
  const detail = useRemote((silent) => call('events', 'eventDetail', { eventId: id }, { silent }), [id])
  const [cpId, setCpId] = useState('')
  const [counts, setCounts] = useCheckInCounts(id)

  return (
    <PageFrame className='station'>
      <RemoteView remote={detail} isEmpty={(d) => d.checkpoints.length === 0} emptyText='本活动没有设置签到点'>
        {(event) => {
          const current = event.checkpoints.find((c) => c.id === cpId) ?? event.checkpoints[0]
          return (
            <>
              <Text className='ev-title'>{event.title}</Text>
              {/* One checkpoint needs no picker: its name is the desk's title below. */}
              {event.checkpoints.length > 1 && (
                <View className='ev-actions'>
                  {event.checkpoints.map((c) => (
                    <BigButton
                      key={c.id}
                      id={`cp-${c.id}`}
                      variant={c.id === current.id ? 'primary' : 'secondary'}
                      onClick={() => setCpId(c.id)}
                    >
                      {c.name}
                    </BigButton>
                  ))}
                </View>
              )}
              <Counts counts={counts} />
              <Desk key={current.id} event={event} current={current} onCounts={setCounts} />
            </>
          )
        }}
      </RemoteView>
    </PageFrame>
  )
}
