import { Text, View } from '@tarojs/components'
import type { GiftPreviewDTO, RedemptionDTO } from '../../../../../types/events'
import { BigButton } from '../../../../components/big-button'
import { formatTime } from '../../lib/event-format'

export type Step = { kind: 'scan' } | { kind: 'preview'; token: string; preview: GiftPreviewDTO } | { kind: 'done'; result: RedemptionDTO } | { kind: 'error'; text: string }

interface Props {
  step: Step
  busy: boolean
  onConfirm: (token: string) => void
  onCancel: () => void
}

/** What the desk sees after a scan: who and which gift, then hand it over, or why not. */
export function DeskStep({ step, busy, onConfirm, onCancel }: Props) {
  if (step.kind === 'error') return <Text id='gift-desk-result' className='ev-result ev-result--warn'>{step.text}</Text>
  if (step.kind === 'done') {
    const r = step.result
    const granted = r.outcome === 'granted'
    return (
      <Text id='gift-desk-result' className={`ev-result ev-result--${granted ? 'ok' : 'warn'}`}>
        {granted ? `请发放：${r.tier.gift}（${r.tier.name}）给 ${r.memberName}。剩余 ${r.tier.left} 份` : `请勿重复发放：${r.memberName} 已兑换 ${formatTime(r.redeemedAt)} by ${r.desk}`}
      </Text>
    )
  }
  if (step.kind !== 'preview') return null
  const p = step.preview
  if (p.status === 'redeemed') {
    return <Text id='gift-desk-result' className='ev-result ev-result--warn'>{`已兑换 ${p.redeemedAt ? formatTime(p.redeemedAt) : ''} by ${p.desk ?? ''}：${p.memberName} 已领取 ${p.tier.name}，请勿重复发放`}</Text>
  }
  return (
    <View id='gift-desk-preview' className='ev-result ev-result--ok'>
      <Text className='card__title'>{p.memberName} · {p.tier.name}</Text>
      <Text>礼品：{p.tier.gift}（剩余 {p.tier.left} 份）</Text>
      <BigButton id='gift-desk-confirm' loading={busy} onClick={() => onConfirm(step.token)}>确认兑换</BigButton>
      <BigButton variant='secondary' onClick={onCancel}>取消</BigButton>
    </View>
  )
}
