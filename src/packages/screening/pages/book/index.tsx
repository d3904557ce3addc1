import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { SessionDTO } from '../../../../../types/screening'
import { BackLink } from '../../../../components/back-link'
import { BigButton } from '../../../../components/big-button'
import { NoticeBanner } from '../../../../components/notice-banner'
import { StateView } from '../../../../components/state-view'
import { ApiError, call, messageOf } from '../../../../services/api'
import { ConsentBox } from '../../components/consent-box'
import { Segment } from '../../components/segment'
import { SessionPicker } from '../../components/session-picker'
import { useRemote } from '../../hooks/use-remote'
import { loadCard } from '../../services/programme'
import { requestNotices } from '../../services/subscribe'
import { dayLabel } from '../../utils/format'
import { routes } from '../../utils/routes'
import { stageOf } from '../../utils/stage'
import '../../styles.css'

type Notice = 'confirmation' | 'reminder'
const NOTICE_OPTIONS: { key: Notice; label: string }[] = [
  { key: 'confirmation', label: '预约成功时通知' },
  { key: 'reminder', label: '前一天提醒我' },
]

export default function BookPage() {
  const { params } = useRouter()
  const reschedule = params.mode === 'reschedule'
  const card = useRemote((silent) => loadCard(params.id, silent))
  const [session, setSession] = useState<SessionDTO | null>(null)
  const [siteId, setSiteId] = useState('')
  const [agreed, setAgreed] = useState(false)
  const [notice, setNotice] = useState<Notice>('confirmation')
  const [error, setError] = useState('')
  const [full, setFull] = useState(false)
  const [busy, setBusy] = useState(false)
  const [refreshKey, setRefreshKey] = useState(0)

  if (!card.loaded) return <StateView state={card.error ? 'error' : 'loading'} message={card.error || undefined} onRetry={card.reload} />
  if (!card.data) return <StateView state='empty' message='目前没有可预约的筛查项目' />
  const { programme } = card.data
  const stage = stageOf(card.data)
  if (!reschedule && stage !== 'open' && stage !== 'full') {
    return (
      <View className='page'>
        <NoticeBanner id='book-unavailable' tone='warn' text={card.data.eligibility.reason ?? '当前不能预约，请回到项目页查看'} actionText='项目详情' onAction={() => Taro.redirectTo({ url: routes.programme(programme.id) })} />
        <BackLink />
      </View>
    )
  }

  const pick = (s: SessionDTO | null, site: string) => {
    setSession(s)
    setSiteId(site)
    setError('')
    setFull(false)
  }
  const fail = (err: unknown) => {
    setError(messageOf(err))
    if (err instanceof ApiError && err.code === 'SLOT_FULL') {
      setFull(true)
      setSession(null)
      setRefreshKey(refreshKey + 1)
    }
  }
  const submit = async () => {
    if (!session) return setError('请先选择医院、日期和时段')
    if (!reschedule && !agreed) return setError('请先阅读并勾选同意个人信息告知')
    setBusy(true)
    try {
      if (reschedule) {
        await call('screening', 'reschedule', { programmeId: programme.id, sessionId: session.id }, { idempotent: true, loadingText: '正在改约' })
        // Back to the booking she came from: it re-reads itself when shown.
        if (Taro.getCurrentPages().length > 1) return void (await Taro.navigateBack())
      } else {
        await requestNotices(['booking', 'result'])
        const body = { programmeId: programme.id, sessionId: session.id, consentVersion: programme.privacyNotice.version, notice }
        await call('screening', 'book', body, { idempotent: true, loadingText: '正在预约' })
      }
      await Taro.redirectTo({ url: routes.booking(programme.id) })
    } catch (err) {
      fail(err)
    } finally {
      setBusy(false)
    }
  }
  const joinWaitlist = async () => {
    setBusy(true)
    try {
      await requestNotices(['offer'])
      await call('screening', 'joinWaitlist', { programmeId: programme.id, siteId: siteId || undefined }, { idempotent: true, loadingText: '正在加入候补' })
      await Taro.redirectTo({ url: routes.programme(programme.id) })
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='page'>
      <Text className='sc-title'>{reschedule ? '改约' : '预约'} · {programme.name}</Text>
      {reschedule && <Text className='sc-sub'>选好新时段后再取消原预约；新时段约不上时，原预约保持不变。</Text>}
      <SessionPicker programme={programme} selected={session} onPick={pick} refreshKey={refreshKey} />
      {session && <NoticeBanner id='chosen-session' tone='ok' text={`已选：${dayLabel(session.date)} ${session.label}`} />}
      {!reschedule && (
        <View>
          <Text className='sc-step'>④ 通知方式</Text>
          <Segment idPrefix='notice' options={NOTICE_OPTIONS} value={notice} onChange={setNotice} />
          <ConsentBox notice={programme.privacyNotice} agreed={agreed} onChange={setAgreed} />
        </View>
      )}
      {error && <Text id='book-error' className='error-text'>{error}</Text>}
      <BigButton id='book-submit' loading={busy} onClick={submit}>
        {reschedule ? '确认改约' : '确认预约'}
      </BigButton>
      {!reschedule && (full || stage === 'full') && (
        <BigButton id='join-waitlist' variant='secondary' loading={busy} onClick={joinWaitlist}>
          名额已满，加入候补
        </BigButton>
      )}
      <BackLink />
    </View>
  )
}
