import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import type { ReportReason } from '~types/matchmaking'
import { BigButton } from '~src/components/big-button'
import { Field } from '~src/components/field'
import { PageFrame } from '~src/components/page-frame'
import { type Action, Refusal, useAction } from '~src/hooks/use-action'
import { useParams } from '~src/hooks/use-params'
import { call } from '~src/services/api'
import { withOwnText } from '~src/packages/matchmaking/lib/own-text'
import '~src/packages/matchmaking/styles.css'

const REASONS: [ReportReason, string][] = [
  ['harassment', '骚扰'],
  ['not_single', '并非单身'],
  ['fake_profile', '资料虚假'],
  ['other', '其他'],
]

function Reasons({ reason, setReason }: { reason: ReportReason; setReason: (r: ReportReason) => void }) {
  return (
    <View className='mx-chips'>
      {REASONS.map(([r, label]) => (
        <View key={r} id={`reason-${r}`} className={`mx-chip ${r === reason ? 'mx-chip--on' : ''}`} onClick={() => setReason(r)}>
          {label}
        </View>
      ))}
    </View>
  )
}

function SendButton({ send }: { send: Action<[], void> }) {
  return (
    <BigButton id='send-report' loading={send.busy} onClick={() => void send.run()}>
      提交举报
    </BigButton>
  )
}

/** Report an attendee by badge number; the reported person never learns who reported. */
export default function ReportPage() {
  const { id = '' } = useParams()
  const [badge, setBadge] = useState('')
  const [reason, setReason] = useState<ReportReason>('harassment')
  const [note, setNote] = useState('')
  const [done, setDone] = useState(false)
  const send = useAction(async () => {
    const n = Number(badge)
    if (!Number.isInteger(n) || n < 1) throw new Refusal('请填写对方的号码牌号码')
    await withOwnText({ note: '举报说明' }, () => call('matchmaking', 'report', { mixerId: id, badge: n, reason, note: note.trim() }))
    setDone(true)
  })
  return (
    <PageFrame className='matchmaking'>
      <View className='card'>
        <Text className='card__title'>举报参加者</Text>
        <Text className='muted'>工会干部会核实处理；被举报人不会知道是谁举报的。</Text>
        <Field id='report-badge' label='对方号码牌' type='number' value={badge} onInput={setBadge} maxlength={5} />
        <Reasons reason={reason} setReason={setReason} />
        <Textarea
          id='report-note'
          className='mx-textarea'
          value={note}
          maxlength={300}
          placeholder='补充说明（选填）'
          onInput={(e) => setNote(e.detail.value)}
        />
        {send.error && <Text className='error-text'>{send.error}</Text>}
        {done && (
          <View id='report-done' className='mx-result mx-result--ok'>
            已收到，感谢您的反馈。
          </View>
        )}
        {!done && <SendButton send={send} />}
      </View>
    </PageFrame>
  )
}
