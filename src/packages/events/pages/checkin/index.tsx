import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { MyCheckInDTO } from '../../../../../types/events'
import { PageFrame } from '../../../../components/page-frame'
import { RotatingCode } from '../../../../components/rotating-code'
import { ScanBox } from '../../../../components/scan-box'
import { StateView } from '../../../../components/state-view'
import { useAction } from '../../../../hooks/use-action'
import { useRemote } from '../../../../hooks/use-remote'
import { call } from '../../../../services/api'
import { formatTime } from '../../../../utils/datetime'
import { CheckInHistory } from '../../components/check-in-history'
import { useParams } from '../../../../hooks/use-params'
import '../../styles.css'

const key = (c: MyCheckInDTO) => `${c.checkpointId}:${c.checkedInAt}`

/** My check-in code for one event, scanning a checkpoint's screen myself, and where I have checked in. */
export default function CheckInPage() {
  const { id = '' } = useParams()
  const [done, setDone] = useState('')
  const history = useRemote((silent) => call('events', 'myCheckIns', {}, { idempotent: true, silent }))
  const mine = (history.data?.checkIns ?? []).filter((c) => c.eventId === id)
  // Check-ins already made when the code went up: a new one means staff just scanned it.
  const known = useRef<Set<string> | null>(null)
  const checkStatus = async () => {
    const { checkIns } = await call('events', 'myCheckIns', {}, { idempotent: true, silent: true })
    const here = checkIns.filter((c) => c.eventId === id)
    if (!known.current) known.current = new Set((history.data ? history.data.checkIns.filter((c) => c.eventId === id) : here).map(key))
    const fresh = here.find((c) => !known.current?.has(key(c)))
    if (!fresh) return null
    history.setData({ checkIns })
    return { title: '已签到', detail: `${fresh.checkpointName} ${formatTime(fresh.checkedInAt)}` }
  }
  const self = useAction(async (token: string) => {
    setDone('')
    const res = await call('events', 'selfCheckIn', { token, eventId: id || undefined }, { idempotent: true, loadingText: '正在签到' })
    setDone(res.status === 'already' ? `已签到 ${formatTime(res.checkedInAt)}（${res.checkpoint.name}）` : `签到成功：${res.checkpoint.name} ${formatTime(res.checkedInAt)}`)
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
      <View className='card'>
        <Text className='card__title'>我的签到码</Text>
        <RotatingCode id='checkin-qr' fetchCode={() => call('events', 'myCheckInCode', { eventId: id }, { idempotent: true, silent: true })} checkStatus={checkStatus} deps={[id]} hint='请向签到点工作人员出示此码' />
      </View>
      <View className='card'>
        <Text className='card__title'>扫签到点二维码自助签到</Text>
        <ScanBox idPrefix='self-checkin' scanText='扫签到点二维码' inputLabel='签到点码' onCode={self.run} busy={self.busy} />
        {(done || self.error) && <View id='self-checkin-result' className={`ev-result ev-result--${self.error ? 'warn' : 'ok'}`}>{self.error || done}</View>}
      </View>
      <CheckInHistory checkIns={mine} error={history.error} loading={!history.loaded} onRetry={() => void history.reload()} />
    </PageFrame>
  )
}
