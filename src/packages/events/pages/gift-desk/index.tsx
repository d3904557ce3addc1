import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { GiftTierDTO } from '~types/events'
import { Field } from '~src/components/field'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { ScanBox } from '~src/components/scan-box'
import { useAction } from '~src/hooks/use-action'
import { useRemote } from '~src/hooks/use-remote'
import { call, messageOf } from '~src/services/api'
import { DeskStep, isAwaitingConfirm, type Step } from '~src/packages/events/components/desk-step'
import { GiftStock } from '~src/packages/events/components/gift-stock'
import { useParams } from '~src/hooks/use-params'
import '~src/packages/events/styles.css'

const DESK_KEY = 'events.desk'

/** Opened without an event (a bookmark on the desk's phone): the one fair this person staffs, if there is exactly one. */
async function onlyFair(): Promise<string> {
  const { events } = await call('events', 'staffEvents', {})
  const fairs = events.filter((e) => e.kind === 'fair' && e.phase !== 'ended')
  return fairs.length === 1 ? fairs[0].id : ''
}

/** Preview and confirm a scanned code; whatever happens ends as the next step the desk sees, and the stock it heard of. */
function useDeskActions(id: string, desk: string, setStep: (s: Step) => void, updateTier: (t: GiftTierDTO) => void) {
  const act = useAction(async (fn: () => Promise<Step>) => {
    try {
      setStep(await fn())
    } catch (err) {
      setStep({ kind: 'error', text: messageOf(err) })
    }
  })
  const preview = (token: string) =>
    act.run(async () => {
      const p = await call('events', 'previewGift', { eventId: id, token }, { loadingText: '正在核对' })
      updateTier(p.tier)
      return { kind: 'preview', token, preview: p }
    })
  const confirm = (token: string) =>
    act.run(async () => {
      Taro.setStorageSync(DESK_KEY, desk)
      const result = await call('events', 'redeemGift', { eventId: id, token, desk: desk.trim() || '兑换台' }, { loadingText: '正在兑换' })
      updateTier(result.tier)
      return { kind: 'done', result }
    })
  return { act, preview, confirm }
}

/**
 * Scan → tier and masked name → confirm → hand over. After any outcome (granted,
 * a repeat, a refusal) the scan box is there again for the next person.
 */
export default function GiftDesk() {
  const params = useParams()
  const [id, setId] = useState(params.id ?? '')
  const [desk, setDesk] = useState<string>(() => Taro.getStorageSync(DESK_KEY) || '1号兑换台')
  const [step, setStep] = useState<Step>({ kind: 'scan' })
  const [tiers, setTiers] = useState<GiftTierDTO[] | null>(null)
  const detail = useRemote(async (silent) => {
    const eventId = id || (await onlyFair())
    setId(eventId)
    setTiers(null) // fresh stock from the server replaces what the desk last heard
    return { event: eventId ? await call('events', 'eventDetail', { eventId }, { silent }) : null }
  })
  const shown = tiers ?? detail.data?.event?.tiers ?? []
  const updateTier = (t: GiftTierDTO) => setTiers(shown.map((x) => (x.id === t.id ? t : x)))

  const { act, preview, confirm } = useDeskActions(id, desk, setStep, updateTier)

  return (
    <PageFrame className='gift-desk'>
      <RemoteView remote={detail} isEmpty={(d) => !d.event} emptyText='请从活动工作台选择活动'>
        {({ event }) => (
          <>
            <Text className='ev-title'>{event?.title}</Text>
            <View className='card'>
              <Field id='gift-desk-name' label='本兑换台名称' value={desk} onInput={setDesk} maxlength={20} />
              <DeskStep step={step} busy={act.busy} onConfirm={(t) => void confirm(t)} onCancel={() => setStep({ kind: 'scan' })} />
              {!isAwaitingConfirm(step) && (
                <ScanBox idPrefix='gift-desk' scanText='扫会员兑换码' inputLabel='兑换码' onCode={preview} busy={act.busy} />
              )}
            </View>
            <GiftStock tiers={shown} />
          </>
        )}
      </RemoteView>
    </PageFrame>
  )
}
