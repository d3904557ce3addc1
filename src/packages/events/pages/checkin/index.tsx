import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { PageFrame } from '~src/components/page-frame'
import { RotatingCode } from '~src/components/rotating-code'
import { ScanBox } from '~src/components/scan-box'
import { StateView } from '~src/components/state-view'
import { useAction } from '~src/hooks/use-action'
import { outcomeOf, type CodeOutcome } from '~src/hooks/use-rotating-code'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { formatTime } from '~src/utils/datetime'
import { CheckInHistory } from '~src/packages/events/components/check-in-history'
import { useParams } from '~src/hooks/use-params'
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

/** My check-in code for one event, scanning a checkpoint's screen myself, and where I have checked in. */
export default function CheckInPage() {
  const { id = '' } = useParams()
  const [done, setDone] = useState('')
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
  const self = useAction(async (token: string) => {
    setDone('')
    const res = await call('events', 'selfCheckIn', { token, eventId: id || undefined }, { loadingText: '正在签到' })
    setDone(
      res.status === 'already'
        ? `已签到 ${formatTime(res.checkedInAt)}（${res.checkpoint.name}）`
        : `签到成功：${res.checkpoint.name} ${formatTime(res.checkedInAt)}`,
    )
    if (res.status === 'checked-in') Taro.showToast({ title: '签到成功', icon: 'success' })
    void history.reload()
  })

  if (!id) {
    return (
      <PageFrame>
        <StateView state='empty' message='请从活动列表选择活动' />
      </PageFrame>
    )
  }
  return (
    <PageFrame className='checkin'>
      <MyCodeCard id={id} checkStatus={checkStatus} />
      <SelfCheckInCard done={done} error={self.error} busy={self.busy} onCode={self.run} />
      <CheckInHistory checkIns={mine} error={history.error} loading={!history.loaded} onRetry={() => void history.reload()} />
    </PageFrame>
  )
}
