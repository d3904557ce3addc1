import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { useState } from 'react'
import type { Period, StatementDTO } from '~types/vouchers'
import { BigButton } from '~src/components/big-button'
import { Field } from '~src/components/field'
import { NoticeBanner } from '~src/components/notice-banner'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { useAction } from '~src/hooks/use-action'
import { useParams } from '~src/hooks/use-params'
import { type Remote, useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { confirmDialog } from '~src/services/dialog'
import { beijingDate, formatDateTime, formatShanghai } from '~src/utils/datetime'
import { RowList } from '~src/packages/vouchers/components/row-list'
import { yuan } from '~src/packages/vouchers/lib/money'
import { merchantOfScope } from '~src/packages/vouchers/lib/merchant-param'
import '~src/packages/vouchers/styles.css'

const PERIODS: { key: Period; label: string }[] = [
  { key: 'day', label: '日' },
  { key: 'week', label: '周' },
  { key: 'month', label: '月' },
]
const STATE: Record<string, string> = { open: '待对账', confirmed: '已确认', disputed: '有异议' }

function PeriodTabs({ period, onPick }: { period: Period; onPick: (p: Period) => void }) {
  return (
    <View className='vc-tabs'>
      {PERIODS.map((p) => (
        <View key={p.key} id={`period-${p.key}`} className={`vc-tab ${p.key === period ? 'vc-tab--on' : ''}`} onClick={() => onPick(p.key)}>
          按{p.label}
        </View>
      ))}
    </View>
  )
}

/** Calendar arithmetic on 'YYYY-MM-DD' (no instant, so no time zone): one period back or forward. */
const shift = (date: string, period: Period, by: number) => dayjs(date).add(by, period).format('YYYY-MM-DD')

/** Which period: back to earlier ones (a manager confirms a period once it is over), never past today. */
function PeriodStepper({ st, date, setDate }: { st: StatementDTO; date: string; setDate: (d: string) => void }) {
  const today = beijingDate(Date.now())
  const next = shift(date, st.period, 1)
  return (
    <View className='vc-tabs'>
      <View id='period-prev' className='vc-tab' onClick={() => setDate(shift(date, st.period, -1))}>
        ‹ 上一期
      </View>
      <View className='vc-tab vc-tab--on'>
        {formatShanghai(st.from, 'M月D日')}
        {st.period === 'day' ? '' : ` 起`}
      </View>
      <View id='period-next' className={`vc-tab ${next > today ? 'muted' : ''}`} onClick={() => next <= today && setDate(next)}>
        下一期 ›
      </View>
    </View>
  )
}

/** The digest as people compare it aloud: its first and last characters; the whole on demand. */
function Digest({ digest }: { digest: string }) {
  const [whole, setWhole] = useState(false)
  return (
    <View id='statement-digest' className='vc-small' style={{ wordBreak: 'break-all' }} onClick={() => setWhole(!whole)}>
      校验码：{whole ? digest : `${digest.slice(0, 6)}…${digest.slice(-6)}`}
      <Text className='link'> {whole ? '收起' : '查看完整'}</Text>
    </View>
  )
}

/** The period, its totals and the digest both sides confirm against; a dispute's note, and the union's answer, when there is one. */
function StatementHead({ st }: { st: StatementDTO }) {
  return (
    <View className='card'>
      <Text className='card__title'>{st.merchantName}</Text>
      <Text className='vc-small'>
        {formatDateTime(st.from)} 至 {formatDateTime(st.to)} · {STATE[st.state]}
      </Text>
      <Text id='statement-totals' className='vc-line'>
        核销 {st.totals.redemptions} 笔 · 撤销 {st.totals.reversals} 笔 · 消费 {yuan(st.totals.billFen)} · 工会结算{' '}
        {yuan(st.totals.unionFen)} · 商户让利 {yuan(st.totals.merchantFen)}
      </Text>
      <Digest digest={st.digest} />
      {st.dispute && <Text className='vc-line warn-text'>异议：{st.dispute.note}</Text>}
      {st.dispute?.answer && (
        <Text id='dispute-answer' className='vc-line'>
          {st.dispute.answer.organiser || '工会'}
          {st.dispute.answer.decision === 'accepted' ? '接受了异议' : '驳回了异议'}（{formatShanghai(st.dispute.answer.at, 'M月D日 HH:mm')}
          ）：{st.dispute.answer.note}
        </Text>
      )}
    </View>
  )
}

interface VerdictProps {
  st: StatementDTO
  busy: boolean
  note: string
  setNote: (note: string) => void
  run: (what: 'confirm' | 'dispute') => void
}

/** Asks first, naming what she signs: a confirmed statement is what the union pays against. */
function sure(st: StatementDTO): Promise<boolean> {
  return confirmDialog({
    title: '确认对账',
    content: `确认本期核销 ${st.totals.redemptions} 笔、撤销 ${st.totals.reversals} 笔，工会结算 ${yuan(st.totals.unionFen)} 无误？确认后工会将按此结算。`,
    confirmText: '确认无误',
    cancelText: '再看看',
  })
}

/** The manager's answer to an open statement: confirm it (once the period is over), or dispute it with a note. */
function VerdictCard({ st, busy, note, setNote, run }: VerdictProps) {
  const closed = Date.now() >= st.closesAt
  return (
    <View className='card'>
      {closed ? (
        <BigButton id='statement-confirm' loading={busy} onClick={() => run('confirm')}>
          对账确认
        </BigButton>
      ) : (
        <Text id='statement-not-closed' className='vc-line'>
          本期尚未结束，{formatDateTime(st.closesAt)} 后可确认对账。
        </Text>
      )}
      <Field id='statement-note' label='有异议？请说明' value={note} onInput={setNote} maxlength={200} />
      <BigButton id='statement-dispute' variant='secondary' disabled={!note.trim()} onClick={() => run('dispute')}>
        提交异议
      </BigButton>
    </View>
  )
}

/** A confirmation a later row made void: said plainly, so nobody thinks it still stands. */
function Dropped({ st }: { st: StatementDTO }) {
  if (!st.dropped) return null
  return (
    <NoticeBanner
      tone='warn'
      text={`您在 ${formatDateTime(st.dropped.at)} 的对账确认已失效：之后本期又写入了核销或撤销记录，请重新核对后确认。`}
    />
  )
}

/** Confirm (asked first, naming the sums) or dispute; the page then shows the statement the server answered. */
function useVerdict(s: Remote<StatementDTO>, base: { merchantId: string; period: Period; date: string }, note: string) {
  return useAction(
    async (what: 'confirm' | 'dispute') =>
      s.setData(
        what === 'confirm'
          ? await call('vouchers', 'confirmStatement', { ...base, digest: s.data!.digest })
          : await call('vouchers', 'disputeStatement', { ...base, note }),
      ),
    { ask: (what) => what !== 'confirm' || sure(s.data!) },
  )
}

function StatementBody({ st }: { st: StatementDTO }) {
  return (
    <View>
      <Dropped st={st} />
      <StatementHead st={st} />
      <View className='card'>{st.rows.length ? <RowList rows={st.rows} /> : <Text className='muted'>本期没有核销记录</Text>}</View>
    </View>
  )
}

/** 结算: the merchant's statement for a day, week or month, with its digest; the manager confirms or disputes it. */
export default function Statement() {
  const params = useParams()
  const merchant = merchantOfScope(params.merchant)
  const [period, setPeriod] = useState<Period>((params.period as Period) || 'day')
  const [date, setDate] = useState(params.date || beijingDate(Date.now()))
  const [note, setNote] = useState('')
  const s = useRemote(
    (silent) => call('vouchers', 'statement', { merchantId: merchant, period, date }, { silent }),
    [merchant, period, date],
  )
  const staff = useRemote(() => call('vouchers', 'myMerchants', {}, { silent: true }))
  const manager = !!staff.data?.find((m) => m.merchant.id === merchant)?.manager
  const act = useVerdict(s, { merchantId: merchant, period, date }, note)
  return (
    <PageFrame className='vouchers-statement'>
      <Text className='vc-title'>对账单</Text>
      <PeriodTabs period={period} onPick={setPeriod} />
      {act.error && <NoticeBanner tone='warn' text={act.error} />}
      <RemoteView remote={s}>
        {(st) => (
          <View>
            <PeriodStepper st={st} date={date} setDate={setDate} />
            <StatementBody st={st} />
            {manager && st.state === 'open' && (
              <VerdictCard st={st} busy={act.busy} note={note} setNote={setNote} run={(what) => void act.run(what)} />
            )}
          </View>
        )}
      </RemoteView>
    </PageFrame>
  )
}
