import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { GiftTierDTO } from '../../../../../types/events'
import { Field } from '../../../../components/field'
import { StateView } from '../../../../components/state-view'
import { call, messageOf } from '../../../../services/api'
import { DeskStep, type Step } from '../../components/desk-step'
import { ScanBox } from '../../../../components/scan-box'
import { GiftStock } from '../../components/gift-stock'
import { useParams } from '../../lib/page-params'
import { useRemote } from '../../lib/use-remote'
import '../../styles.css'

const DESK_KEY = 'events.desk'

/** Opened without an event (a bookmark on the desk's phone): the one fair this person staffs, if there is exactly one. */
async function onlyFair(): Promise<string> {
  const { events } = await call('events', 'staffEvents', {}, { idempotent: true })
  const fairs = events.filter((e) => e.kind === 'fair' && e.phase !== 'ended')
  return fairs.length === 1 ? fairs[0].id : ''
}

/** Scan → tier and masked name → confirm → hand over. A re-scan says when and where it was redeemed. */
export default function GiftDesk() {
  const params = useParams()
  const [id, setId] = useState(params.id ?? '')
  const [desk, setDesk] = useState<string>(() => Taro.getStorageSync(DESK_KEY) || '1号兑换台')
  const [step, setStep] = useState<Step>({ kind: 'scan' })
  const [busy, setBusy] = useState(false)
  const detail = useRemote(async () => {
    const eventId = id || (await onlyFair())
    setId(eventId)
    setTiers(null) // fresh stock from the server replaces what the desk last heard
    return { event: eventId ? await call('events', 'eventDetail', { eventId }, { idempotent: true, silent: true }) : null }
  })
  const [tiers, setTiers] = useState<GiftTierDTO[] | null>(null)
  const event = detail.data?.event
  const shown = tiers ?? event?.tiers ?? []
  const updateTier = (t: GiftTierDTO) => setTiers(shown.map((x) => (x.id === t.id ? t : x)))

  const run = async (fn: () => Promise<Step>) => {
    setBusy(true)
    try {
      setStep(await fn())
    } catch (err) {
      setStep({ kind: 'error', text: messageOf(err) })
    } finally {
      setBusy(false)
    }
  }
  const preview = (token: string) =>
    run(async () => {
      const p = await call('events', 'previewGift', { eventId: id, token }, { idempotent: true, loadingText: '正在核对' })
      updateTier(p.tier)
      return { kind: 'preview', token, preview: p }
    })
  const confirm = (token: string) =>
    run(async () => {
      Taro.setStorageSync(DESK_KEY, desk)
      const result = await call('events', 'redeemGift', { eventId: id, token, desk: desk.trim() || '兑换台' }, { idempotent: true, loadingText: '正在兑换' })
      updateTier(result.tier)
      return { kind: 'done', result }
    })

  if (!detail.data) return <View className='page'><StateView state={detail.error ? 'error' : 'loading'} message={detail.error || undefined} onRetry={() => void detail.reload()} /></View>
  if (!event) return <View className='page'><StateView state='empty' message='请从活动工作台选择活动' /></View>
  return (
    <View className='page gift-desk'>
      <Text className='ev-title'>{event.title}</Text>
      <View className='card'>
        <Field id='gift-desk-name' label='本兑换台名称' value={desk} onInput={setDesk} maxlength={20} />
        {step.kind === 'scan' || step.kind === 'error' || step.kind === 'done' ? (
          <ScanBox idPrefix='gift-desk' scanText='扫会员兑换码' inputLabel='兑换码' onCode={preview} busy={busy} />
        ) : null}
        <DeskStep step={step} busy={busy} onConfirm={confirm} onCancel={() => setStep({ kind: 'scan' })} />
      </View>
      <GiftStock tiers={shown} />
    </View>
  )
}
