import { Text, View } from '@tarojs/components'
import type { PreviewDTO, RedemptionRowDTO } from '~types/vouchers'
import { BigButton } from '~src/components/big-button'
import { formatTime } from '~src/utils/datetime'
import { yuan } from '~src/packages/vouchers/lib/money'

export type TillStep =
  | { kind: 'scan' }
  | { kind: 'preview'; code: string; preview: PreviewDTO }
  | { kind: 'done'; row: RedemptionRowDTO; preview: PreviewDTO }
  | { kind: 'refused'; text: string }

interface Props {
  step: TillStep
  busy: boolean
  onConfirm: (code: string, billFen: number) => void
  onCancel: () => void
}

/** Who and what: the masked member (劳模 marked), the campaign and its rule, and how the deduction was reached. */
function PreviewSummary({ p }: { p: PreviewDTO }) {
  return (
    <View>
      <Text className='vc-line'>
        会员：{p.memberMasked}{' '}
        {p.modelWorker && (
          <Text id='till-model-worker' className='vc-tag'>
            劳模
          </Text>
        )}
      </Text>
      <Text className='vc-line'>
        {p.campaignName} · {p.ruleText}
      </Text>
      {p.steps.map((s) => (
        <Text key={s} className='vc-small'>
          {s}
        </Text>
      ))}
    </View>
  )
}

function TillDone({ row, p }: { row: RedemptionRowDTO; p: PreviewDTO }) {
  return (
    <View id='till-done' className='vc-result vc-result--ok'>
      <Text className='vc-line'>
        ✓ 核销成功 {formatTime(row.at)} · {row.till}
      </Text>
      <Text className='vc-line'>
        消费 {yuan(p.billFen)}，抵扣 {yuan(p.voucherFen + p.modelWorkerFen)}，请收 {yuan(p.payableFen)}
      </Text>
    </View>
  )
}

function TillPreview({ step, busy, onConfirm, onCancel }: Omit<Props, 'step'> & { step: Extract<TillStep, { kind: 'preview' }> }) {
  const p = step.preview
  return (
    <View id='till-preview' className='card'>
      <PreviewSummary p={p} />
      <Text className='vc-line'>消费金额 {yuan(p.billFen)}</Text>
      <Text id='till-deduction' className='vc-line'>
        券抵扣 {yuan(p.voucherFen)}
        {p.modelWorkerFen ? `，劳模折上折 ${yuan(p.modelWorkerFen)}` : ''}
      </Text>
      <Text id='till-payable' className='vc-big'>
        应收 {yuan(p.payableFen)}
      </Text>
      <BigButton id='till-confirm' loading={busy} onClick={() => onConfirm(step.code, p.billFen)}>
        确认核销
      </BigButton>
      <BigButton id='till-cancel' variant='secondary' onClick={onCancel}>
        取消
      </BigButton>
    </View>
  )
}

/** What the cashier sees between scans: the deduction to confirm, the result, or the refusal. */
export function TillStepView({ step, busy, onConfirm, onCancel }: Props) {
  if (step.kind === 'scan') return null
  if (step.kind === 'refused')
    return (
      <View id='till-refused' className='vc-result vc-result--bad'>
        {step.text}
      </View>
    )
  if (step.kind === 'done') return <TillDone row={step.row} p={step.preview} />
  return <TillPreview step={step} busy={busy} onConfirm={onConfirm} onCancel={onCancel} />
}
