import { useState } from 'react'
import { Button, Dialog, MessagePlugin, Radio, Space, Textarea } from 'tdesign-react'
import type { DisputeAnswerDTO, StatementDTO } from '~types/vouchers'
import { call, messageOf } from '../../api'
import { StatementView, type StatementRef } from './statement-view'

const DECISIONS: Record<DisputeAnswerDTO['decision'], { label: string; hint: string }> = {
  accepted: { label: '接受异议', hint: '如：已核实，该笔将在下期对账中冲正' },
  rejected: { label: '驳回异议', hint: '如：核销记录与收银小票一致，请核对' },
}

/**
 * An officer's answer to a manager's dispute (answerDispute, once): 接受 says how the union will put it
 * right, 驳回 says why not; either way the manager reads the note beside her dispute.
 */
export function DisputeAnswer({ at, s, reload }: { at: StatementRef; s: StatementDTO; reload: () => void }) {
  const [decision, setDecision] = useState<DisputeAnswerDTO['decision'] | null>(null)
  const [note, setNote] = useState('')
  const [sending, setSending] = useState(false)
  if (s.state !== 'disputed' || !s.dispute || s.dispute.answer) return null

  const send = async () => {
    if (!decision) return
    setSending(true)
    try {
      await call('vouchers', 'answerDispute', { ...at, decision, note: note.trim() })
      void MessagePlugin.success('已答复')
      setDecision(null)
      reload()
    } catch (err) {
      void MessagePlugin.error(messageOf(err))
      reload()
    } finally {
      setSending(false)
    }
  }

  return (
    <Space className='statement-actions' align='center'>
      <Button id='dispute-accept' onClick={() => setDecision('accepted')}>
        接受异议
      </Button>
      <Button id='dispute-reject' theme='danger' variant='outline' onClick={() => setDecision('rejected')}>
        驳回异议
      </Button>
      <Dialog
        visible={!!decision}
        header={decision ? DECISIONS[decision].label : ''}
        confirmBtn={{ content: '提交答复', loading: sending, disabled: !note.trim() }}
        cancelBtn='取消'
        onConfirm={() => void send()}
        onClose={() => setDecision(null)}
      >
        <p>商户异议：{s.dispute.note}</p>
        <Radio.Group value={decision ?? undefined} onChange={(v) => setDecision(v as DisputeAnswerDTO['decision'])}>
          <Radio.Button value='accepted'>接受</Radio.Button>
          <Radio.Button value='rejected'>驳回</Radio.Button>
        </Radio.Group>
        <p>{decision === 'rejected' ? '驳回理由' : '处理说明'}（最多 200 字，商户店长可见）：</p>
        <Textarea
          className='dispute-answer-note'
          value={note}
          onChange={(v) => setNote(String(v))}
          maxlength={200}
          placeholder={decision ? DECISIONS[decision].hint : ''}
        />
      </Dialog>
    </Space>
  )
}

/** One merchant's statement as an officer reads it, with the answer to its dispute; `onAnswered` refreshes her list. */
export function AnswerableStatement({ at, onAnswered }: { at: StatementRef; onAnswered: () => void }) {
  return (
    <StatementView
      at={at}
      actions={(s, reload) => (
        <DisputeAnswer
          at={at}
          s={s}
          reload={() => {
            reload()
            onAnswered()
          }}
        />
      )}
    />
  )
}
