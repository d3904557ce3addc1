import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { PageFrame } from '~src/components/page-frame'
import { RotatingCode } from '~src/components/rotating-code'
import { ScanBox } from '~src/components/scan-box'
import { SignInNeeded } from '~src/components/sign-in-needed'
import { useAction } from '~src/hooks/use-action'
import { outcomeOf, type CodeOutcome } from '~src/hooks/use-rotating-code'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { formatTime } from '~src/utils/datetime'
import { CheckInHistory } from '~src/packages/events/components/check-in-history'
import { useParams } from '~src/hooks/use-params'
import { usePageScene, type PageScene } from '~src/hooks/use-scene'
import { notify } from '~src/services/notify'
import '~src/packages/events/styles.css'

function MyCodeCard({ id, checkStatus }: { id: string; checkStatus: () => Promise<CodeOutcome | null> }) {
  return (
    <View className='card'>
      <Text className='card__title'>我的签到码</Text>
      <RotatingCode
        id='checkin-qr'
        fetchCode={() => call('events', 'myCheckInCode', { eventId: id }, { silent: true })}
        checkStatus={checkStatus}
        deps={[id]}
        hint='请向签到点工作人员出示此码'
      />
    </View>
  )
}

interface SelfCheckInProps {
  done: string
  error: string
  busy: boolean
  onCode: (token: string) => Promise<unknown>
}

function SelfCheckInCard({ done, error, busy, onCode }: SelfCheckInProps) {
  return (
    <View className='card'>
      <Text className='card__title'>扫签到点二维码自助签到</Text>
      <ScanBox idPrefix='self-checkin' scanText='扫签到点二维码' inputLabel='签到点码' onCode={onCode} busy={busy} />
      {(done || error) && (
        <View id='self-checkin-result' className={`ev-result ev-result--${error ? 'warn' : 'ok'}`}>
          {error || done}
        </View>
      )}
    </View>
  )
}

/** Self check-in with a checkpoint's code: scanned here, or the poster's mini-program code that opened the page. */
function useSelfCheckIn(eventId: string, page: PageScene, onDone: (eventId: string) => void) {
  const [done, setDone] = useState('')
  const self = useAction(async (token: string) => {
    setDone('')
    const res = await call('events', 'selfCheckIn', { token, eventId: eventId || undefined }, { loadingText: '正在签到' }).catch(
      (err: unknown) => {
        page.keepIfSignIn(err, token) // not verified yet: the poster's code waits for her return
        throw err
      },
    )
    setDone(
      res.status === 'already'
        ? `已签到 ${formatTime(res.checkedInAt)}（${res.checkpoint.name}）`
        : `签到成功：${res.checkpoint.name} ${formatTime(res.checkedInAt)}`,
    )
    if (res.status === 'checked-in') notify('签到成功')
    onDone(res.checkpoint.eventId)
  })
  // WeChat's scanner opened the page with a checkpoint poster's code as `scene`: check her in once.
  useEffect(() => {
    const token = page.scene.current
    page.scene.current = ''
    if (token) void self.run(token)
  }, []) // eslint-disable-line react-hooks/exhaustive-deps -- once, on load
  return { ...self, done }
}

/** My check-in code for one event, scanning a checkpoint's screen or poster myself, and where I have checked in. */
export default function CheckInPage() {
  const params = useParams()
  const [id, setId] = useState(params.id ?? '')
  const page = usePageScene()
  const history = useRemote((silent) => call('events', 'myCheckIns', {}, { silent }))
  const mine = (history.data?.checkIns ?? []).filter((c) => c.eventId === id)
  // An event may have several checkpoints: only a check-in newer than the one she had when the code went up is news.
  const before = useRef<number | null | undefined>(undefined)
  const checkStatus = async () => {
    const status = await call('events', 'codeStatus', { eventId: id }, { silent: true })
    if (before.current === undefined) before.current = status.at
    if (!status.done || status.at === before.current) return null
    void history.reload()
    return outcomeOf(status)
  }
  const self = useSelfCheckIn(id, page, (eventId) => {
    setId(eventId)
    void history.reload()
  })
  return (
    <PageFrame className='checkin'>
      {page.signInNeeded && <SignInNeeded need={page.signInNeeded} what='签到' />}
      {id ? <MyCodeCard id={id} checkStatus={checkStatus} /> : <Text className='muted'>请从活动列表选择活动，或扫签到点的码</Text>}
      <SelfCheckInCard done={self.done} error={self.error} busy={self.busy} onCode={self.run} />
      {id && <CheckInHistory checkIns={mine} error={history.error} loading={!history.loaded} onRetry={() => void history.reload()} />}
    </PageFrame>
  )
}
