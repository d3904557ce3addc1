import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { Period, StatementDTO } from '~types/vouchers'
import { BigButton } from '~src/components/big-button'
import { Field } from '~src/components/field'
import { NoticeBanner } from '~src/components/notice-banner'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { useAction } from '~src/hooks/use-action'
import { useParams } from '~src/hooks/use-params'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { beijingDate, formatDateTime } from '~src/utils/datetime'
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

/** The period, its totals and the digest both sides confirm against; a dispute's note when there is one. */
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
      <Text id='statement-digest' className='vc-small' style={{ wordBreak: 'break-all' }}>
        SHA-256：{st.digest}
      </Text>
      {st.dispute && <Text className='vc-line warn-text'>异议：{st.dispute.note}</Text>}
    </View>
  )
}

interface VerdictProps {
  busy: boolean
  note: string
  setNote: (note: string) => void
  run: (what: 'confirm' | 'dispute') => void
}

/** The manager's answer to an open statement: confirm it, or dispute it with a note. */
function VerdictCard({ busy, note, setNote, run }: VerdictProps) {
  return (
    <View className='card'>
      <BigButton id='statement-confirm' loading={busy} onClick={() => run('confirm')}>
        对账确认
      </BigButton>
      <Field id='statement-note' label='有异议？请说明' value={note} onInput={setNote} maxlength={200} />
      <BigButton id='statement-dispute' variant='secondary' disabled={!note.trim()} onClick={() => run('dispute')}>
        提交异议
      </BigButton>
    </View>
  )
}

/** 结算: the merchant's statement for a day, week or month, with its digest; the manager confirms or disputes it. */
export default function Statement() {
  const params = useParams()
  const merchant = merchantOfScope(params.merchant)
  const [period, setPeriod] = useState<Period>((params.period as Period) || 'day')
  const date = params.date || beijingDate(Date.now())
  const [note, setNote] = useState('')
  const s = useRemote(
    (silent) => call('vouchers', 'statement', { merchantId: merchant, period, date }, { silent }),
    [merchant, period, date],
  )
  const staff = useRemote(() => call('vouchers', 'myMerchants', {}, { silent: true }))
  const manager = !!staff.data?.find((m) => m.merchant.id === merchant)?.manager
  const act = useAction(async (what: 'confirm' | 'dispute') => {
    const base = { merchantId: merchant, period, date }
    s.setData(
      what === 'confirm'
        ? await call('vouchers', 'confirmStatement', { ...base, digest: s.data!.digest })
        : await call('vouchers', 'disputeStatement', { ...base, note }),
    )
  })
  return (
    <PageFrame className='vouchers-statement'>
      <Text className='vc-title'>对账单</Text>
      <PeriodTabs period={period} onPick={setPeriod} />
      {act.error && <NoticeBanner tone='warn' text={act.error} />}
      <RemoteView remote={s}>
        {(st) => (
          <View>
            <StatementHead st={st} />
            <View className='card'>{st.rows.length ? <RowList rows={st.rows} /> : <Text className='muted'>本期没有核销记录</Text>}</View>
            {manager && st.state === 'open' && (
              <VerdictCard busy={act.busy} note={note} setNote={setNote} run={(what) => void act.run(what)} />
            )}
          </View>
        )}
      </RemoteView>
    </PageFrame>
  )
}
