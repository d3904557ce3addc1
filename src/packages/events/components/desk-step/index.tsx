import { Text, View } from '@tarojs/components'
import type { GiftPreviewDTO, GiftTierDTO, RedemptionDTO } from '~types/events'
import { BigButton } from '~src/components/big-button'
import { formatTime } from '~src/utils/datetime'

export type Step =
  | { kind: 'scan' }
  | { kind: 'preview'; token: string; preview: GiftPreviewDTO }
  | { kind: 'done'; result: RedemptionDTO }
  | { kind: 'error'; text: string }

interface Props {
  step: Step
  busy: boolean
  onConfirm: (token: string) => void
  onCancel: () => void
}

/** The warning a desk must not miss: this member has had this gift already, when and where. */
export function repeatWarning(memberName: string, tier: GiftTierDTO, redeemedAt: number | null, desk: string | null): string {
  const when = redeemedAt ? `${formatTime(redeemedAt)} ` : ''
  const where = desk ? `在${desk}` : ''
  return `请勿重复发放：${memberName} 已于 ${when}${where}领取「${tier.name} · ${tier.gift}」。`
}

/** Only a preview that may be granted waits for the desk; every other outcome leaves the desk ready for the next person. */
export const isAwaitingConfirm = (step: Step) => step.kind === 'preview' && step.preview.status === 'ready'

/** After a redemption: what to hand over, or the repeat warning. */
function doneText(r: RedemptionDTO): string {
  return r.outcome === 'granted'
    ? `请发放：${r.tier.gift}（${r.tier.name}）给 ${r.memberName}。该档还剩 ${r.tier.left} 份。`
    : repeatWarning(r.memberName, r.tier, r.redeemedAt, r.desk)
}

/** What the desk sees after a scan: who and which gift, then hand it over, or why not. */
export function DeskStep({ step, busy, onConfirm, onCancel }: Props) {
  if (step.kind === 'scan') return null
  if (step.kind === 'error')
    return (
      <View id='gift-desk-result' className='ev-result ev-result--warn'>
        {step.text}
      </View>
    )
  if (step.kind === 'done') {
    const granted = step.result.outcome === 'granted'
    return (
      <View id='gift-desk-result' className={`ev-result ev-result--${granted ? 'ok' : 'warn'}`}>
        {doneText(step.result)}
      </View>
    )
  }
  const p = step.preview
  if (p.status === 'redeemed')
    return (
      <View id='gift-desk-result' className='ev-result ev-result--warn'>
        {repeatWarning(p.memberName, p.tier, p.redeemedAt, p.desk)}
      </View>
    )
  return (
    <View id='gift-desk-preview' className='ev-result ev-result--ok'>
      <Text className='card__title'>
        {p.memberName} · {p.tier.name}
      </Text>
      <Text>
        礼品：{p.tier.gift}（该档还剩 {p.tier.left} 份）
      </Text>
      <BigButton id='gift-desk-confirm' loading={busy} onClick={() => onConfirm(step.token)}>
        确认兑换
      </BigButton>
      <BigButton id='gift-desk-cancel' variant='secondary' onClick={onCancel}>
        取消，扫下一位
      </BigButton>
    </View>
  )
}
