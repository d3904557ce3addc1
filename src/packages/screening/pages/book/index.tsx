import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { ProgrammeCardDTO, ProgrammeDTO, SessionDTO } from '~types/screening'
import { routeUrl } from '~types/routes'
import { BigButton } from '~src/components/big-button'
import { FieldError } from '~src/components/field'
import { NoticeBanner } from '~src/components/notice-banner'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { useAction } from '~src/hooks/use-action'
import { useFormErrors, type FormErrors } from '~src/hooks/use-form-errors'
import { useParams } from '~src/hooks/use-params'
import { useRemote } from '~src/hooks/use-remote'
import { ApiError, call } from '~src/services/api'
import { confirmDialog } from '~src/services/dialog'
import { SubscribeSheet } from '~src/components/subscribe-sheet'
import { requestNotices, type UpToThree } from '~src/services/subscribe'
import { dayLabel } from '~src/utils/datetime'
import { scrollToId } from '~src/utils/scroll-to'
import { ConsentBox } from '~src/packages/screening/components/consent-box'
import { CheckRow } from '~src/packages/screening/components/programme-form/check-row'
import { SessionPicker } from '~src/packages/screening/components/session-picker'
import { insideChangeWindow, noticeOf, noticeTopics, type NoticeChoice } from '~src/packages/screening/lib/book-notice'
import { loadCard } from '~src/packages/screening/lib/programme'
import { stageOf } from '~src/packages/screening/lib/stage'
import '~src/packages/screening/styles.css'

/** Why she cannot book here, with the way on: her own booking when she has one. */
function Unavailable({ card }: { card: ProgrammeCardDTO }) {
  const pid = card.programme.id
  if (stageOf(card) === 'booked') {
    return (
      <NoticeBanner
        id='book-unavailable'
        tone='ok'
        text='您已预约本项目'
        actionText='查看我的预约'
        onAction={() => Taro.redirectTo({ url: routeUrl('screeningBooking', { id: pid }) })}
      />
    )
  }
  return (
    <NoticeBanner
      id='book-unavailable'
      tone='warn'
      text={card.eligibility.reason ?? '当前不能预约，请回到项目页查看'}
      actionText='项目详情'
      onAction={() => Taro.redirectTo({ url: routeUrl('screeningProgramme', { id: pid }) })}
    />
  )
}

/** Asked only for a session inside the change window: once booked she can no longer move or cancel it. */
function confirmLate(hours: number): Promise<boolean> {
  return confirmDialog({
    title: '临近就诊',
    content: `该时段 ${hours} 小时内开始，预约后不能再改约或取消。仍要预约吗？`,
    confirmText: '仍要预约',
    cancelText: '换个时段',
  })
}

/** Books, or moves her booking, then opens it; a reschedule goes back to the booking she came from. */
async function sendBooking(programme: ProgrammeDTO, session: SessionDTO, reschedule: boolean, notice: NoticeChoice): Promise<void> {
  if (reschedule) {
    await call('screening', 'reschedule', { programmeId: programme.id, sessionId: session.id }, { loadingText: '正在改约' })
    // Back to the booking she came from: it re-reads itself when shown.
    if (Taro.getCurrentPages().length > 1) return void (await Taro.navigateBack())
  } else {
    await requestNotices('screening', bookingTopics(notice))
    const body = {
      programmeId: programme.id,
      sessionId: session.id,
      consentVersion: programme.privacyNotice.version,
      notice: noticeOf(notice),
    }
    await call('screening', 'book', body, { loadingText: '正在预约' })
  }
  await Taro.redirectTo({ url: routeUrl('screeningBooking', { id: programme.id }) })
}

interface SubmitInput {
  programme: ProgrammeDTO
  session: SessionDTO | null
  reschedule: boolean
  agreed: boolean
  late: boolean
  notice: NoticeChoice
  /** SLOT_FULL: someone took the last place first. */
  onFull: () => void
  errors: FormErrors<BookKey>
}

/** What she must do before booking: choose a session, and (a first booking) consent. */
type BookKey = 'session' | 'consent'

function useSubmit({ programme, session, reschedule, agreed, late, notice, onFull, errors }: SubmitInput) {
  // Checked (each message under its step, the first scrolled to), and a late session confirmed, before the button turns 请稍候…
  const ask = async () => {
    const found = {
      session: session ? undefined : '请先选择医院、日期和时段',
      consent: reschedule || agreed ? undefined : '请先阅读并勾选同意个人信息告知',
    }
    return errors.check(found) && (!late || confirmLate(programme.cancelDeadlineHours))
  }
  return useAction(
    async () => {
      try {
        await sendBooking(programme, session!, reschedule, notice)
      } catch (err) {
        if (err instanceof ApiError && err.code === 'SLOT_FULL') onFull()
        throw err
      }
    },
    { ask },
  )
}

/** The form's state, the chosen session's lateness, and its two actions: book (or move) and join the waitlist. */
function useBookForm(programme: ProgrammeDTO, reschedule: boolean) {
  const [session, setSession] = useState<SessionDTO | null>(null)
  const [siteId, setSiteId] = useState('')
  const [agreed, setAgreedState] = useState(false)
  // The form kit: a message goes as soon as she changes its step (a hospital, a day, a session; the consent box).
  const errors = useFormErrors<BookKey>()
  const setAgreed = (on: boolean) => {
    setAgreedState(on)
    errors.changed('consent')
  }
  const [notice, setNotice] = useState<NoticeChoice>({ confirmation: true, reminder: true })
  const [full, setFull] = useState(false)
  const [refreshKey, setRefreshKey] = useState(0)
  const late = !!session && insideChangeWindow(session, programme.cancelDeadlineHours, Date.now())

  const pick = (s: SessionDTO | null, site: string) => {
    setSession(s)
    setSiteId(site)
    setFull(false)
    errors.changed('session')
    if (s) scrollToId('chosen-session')
  }
  const onFull = () => {
    setFull(true)
    setSession(null)
    setRefreshKey((k) => k + 1)
  }
  const submit = useSubmit({ programme, session, reschedule, agreed, late, notice, onFull, errors })
  const waitlist = useAction(async () => {
    await requestNotices('screening', ['offer'])
    await call('screening', 'joinWaitlist', { programmeId: programme.id, siteId: siteId || undefined }, { loadingText: '正在加入候补' })
    await Taro.redirectTo({ url: routeUrl('screeningProgramme', { id: programme.id }) })
  })
  return { session, agreed, setAgreed, notice, setNotice, full, refreshKey, late, pick, submit, waitlist, errors }
}

interface NoticeProps {
  programme: ProgrammeDTO
  notice: NoticeChoice
  setNotice: (notice: NoticeChoice) => void
  agreed: boolean
  setAgreed: (agreed: boolean) => void
}

/** A first booking only: which notices she wants, and her consent to the privacy notice. */
function NoticeAndConsent({ programme, notice, setNotice, agreed, setAgreed }: NoticeProps) {
  return (
    <View>
      <Text className='sc-step'>④ 通知方式（可都选）</Text>
      <CheckRow id='notice-confirmation' checked={notice.confirmation} onChange={(on) => setNotice({ ...notice, confirmation: on })}>
        预约成功时通知
      </CheckRow>
      <CheckRow id='notice-reminder' checked={notice.reminder} onChange={(on) => setNotice({ ...notice, reminder: on })}>
        前一天提醒我
      </CheckRow>
      <ConsentBox notice={programme.privacyNotice} agreed={agreed} onChange={setAgreed} />
    </View>
  )
}

/** The session she picked, and a warning when it starts inside the change window. */
function ChosenSession({ session, late, hours }: { session: SessionDTO | null; late: boolean; hours: number }) {
  return (
    <>
      {session && <NoticeBanner id='chosen-session' tone='ok' text={`已选：${dayLabel(session.date)} ${session.label}`} />}
      {late && (
        <NoticeBanner id='late-warning' tone='warn' text={`该时段在 ${hours} 小时内开始：预约后不能再改约或取消，请确认能按时到达。`} />
      )}
    </>
  )
}

/**
 * Above the button: the consent's message (the last step, right here; a field message the kit scrolls to),
 * or else the last tap's failure.
 */
function ButtonMessage({ consent, error }: { consent?: string; error: string }) {
  if (consent) return <FieldError id='book-error' message={consent} />
  return error ? (
    <Text id='book-error' className='error-text'>
      {error}
    </Text>
  ) : null
}

function BookForm({ card, reschedule }: { card: ProgrammeCardDTO; reschedule: boolean }) {
  const { programme } = card
  const form = useBookForm(programme, reschedule)
  const { session, submit, waitlist, errors } = form
  // A failure of the last tap is not shown over what this tap found missing.
  const error = errors.count ? '' : submit.error || waitlist.error
  return (
    <>
      <Text className='sc-title'>
        {reschedule ? '改约' : '预约'} · {programme.name}
      </Text>
      {reschedule && <Text className='sc-sub'>选好新时段后再取消原预约；新时段约不上时，原预约保持不变。</Text>}
      {/* Above the steps, so scrolling to it shows the choices right beneath. */}
      <FieldError id='book-session-error' message={errors.of('session')} />
      <SessionPicker programme={programme} selected={session} onPick={form.pick} refreshKey={form.refreshKey} />
      <ChosenSession session={session} late={form.late} hours={programme.cancelDeadlineHours} />
      {!reschedule && (
        <NoticeAndConsent
          programme={programme}
          notice={form.notice}
          setNotice={form.setNotice}
          agreed={form.agreed}
          setAgreed={form.setAgreed}
        />
      )}
      <ButtonMessage consent={errors.of('consent')} error={error} />
      <BigButton id='book-submit' loading={submit.busy} onClick={() => void submit.run()}>
        {reschedule ? '确认改约' : '确认预约'}
      </BigButton>
      {!reschedule && (form.full || stageOf(card) === 'full') && (
        <BigButton id='join-waitlist' variant='secondary' loading={waitlist.busy} onClick={() => void waitlist.run()}>
          名额已满，加入候补
        </BigButton>
      )}
    </>
  )
}

/** Her booking's opt-ins at the tap: the notices she chose, and always the result notice (at most 3 a tap). */
function bookingTopics(notice: NoticeChoice): UpToThree<'booking' | 'reminder' | 'result'> {
  const [first, second] = noticeTopics(notice)
  if (!first) return ['result']
  return second ? [first, second, 'result'] : [first, 'result']
}

export default function BookPage() {
  const params = useParams()
  const reschedule = params.mode === 'reschedule'
  const card = useRemote((silent) => loadCard(params.id, silent), [params.id])
  return (
    <PageFrame>
      <RemoteView remote={card} isEmpty={(c) => !c} emptyText='目前没有可预约的筛查项目'>
        {(c) => {
          if (!c) return null
          const stage = stageOf(c)
          return !reschedule && stage !== 'open' && stage !== 'full' ? (
            <Unavailable card={c} />
          ) : (
            <BookForm card={c} reschedule={reschedule} />
          )
        }}
      </RemoteView>
      <SubscribeSheet />
    </PageFrame>
  )
}
