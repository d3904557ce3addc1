import { useState } from 'react'
import { Dialog, Select, Textarea } from 'tdesign-react'

const REASONS = ['年龄不符合本场要求', '资料不完整或不真实', '不符合本场的报名条件（如所在领域）', '单身承诺存疑，请联系工会核实']

/**
 * The one confirmation of a bulk decision, naming how many rows. A rejection needs a reason: one of the
 * usual ones picked, or typed (the pick fills the box, which stays editable).
 */
export function ReviewDecideDialog(props: {
  verdict: 'approve' | 'reject' | null
  count: number
  onConfirm(reason: string): void
  onClose(): void
}) {
  const [reason, setReason] = useState('')
  const { verdict, count } = props
  const close = () => {
    setReason('')
    props.onClose()
  }
  // Not kept mounted once closed: a closing dialog's zero-height buttons would be measured by the floors check.
  if (verdict === null) return null
  return (
    <Dialog
      visible
      header={verdict === 'approve' ? '通过报名' : '不通过报名'}
      confirmBtn={{
        content: verdict === 'approve' ? `通过 ${count} 人` : `不通过 ${count} 人`,
        disabled: verdict === 'reject' && !reason.trim(),
      }}
      cancelBtn='取消'
      theme={verdict === 'reject' ? 'warning' : 'default'}
      onConfirm={() => {
        props.onConfirm(reason.trim())
        setReason('')
      }}
      onClose={close}
    >
      {verdict === 'approve' ? (
        <p>将通过所选 {count} 人的报名，确定吗？他们已占有名额，通过后名额与候补名单不变。</p>
      ) : (
        <>
          <p>将不通过所选 {count} 人的报名，空出的名额按候补顺序留给候补者。请选择或填写原因（最多 100 字）：</p>
          <Select
            className='review-reason-pick'
            placeholder='选择常用原因'
            value={REASONS.includes(reason) ? reason : undefined}
            onChange={(v) => setReason(String(v ?? ''))}
            options={REASONS.map((r) => ({ label: r, value: r }))}
            style={{ marginBottom: 12 }}
          />
          <Textarea id='review-reason' value={reason} onChange={(v) => setReason(String(v))} maxlength={100} placeholder='或直接填写原因' />
        </>
      )}
    </Dialog>
  )
}
