import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { StampCardDTO } from '../../../../../types/events'
import { StateView } from '../../../../components/state-view'
import { call, messageOf } from '../../../../services/api'
import { ScanBox } from '../../../../components/scan-box'
import { StampCard } from '../../components/stamp-card'
import { TierList } from '../../components/tier-list'
import { useParams } from '../../lib/page-params'
import { eventsRoutes } from '../../lib/routes'
import { extractCode } from '../../../../utils/scanned-code'
import { useRemote } from '../../lib/use-remote'
import '../../styles.css'

/** Opened without an event (home tile, shared link): the fair going on now. */
async function currentFairId(): Promise<string> {
  const { events } = await call('events', 'listEvents', {}, { idempotent: true })
  const fair = events.find((e) => e.phase === 'ongoing' && e.boothCount > 0) ?? events.find((e) => e.boothCount > 0)
  return fair?.id ?? ''
}

export default function StampCardPage() {
  const params = useParams()
  const [eventId, setEventId] = useState(params.id ?? '')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  // A printed booth code scanned with WeChat's own camera opens this page with ?scene=<code>: stamp it once.
  const scene = useRef(extractCode(params.scene ?? ''))

  /** Stamps and returns the updated card, or null after showing why not. */
  const stampCode = async (code: string, forEvent: string): Promise<StampCardDTO | null> => {
    setBusy(true)
    setResult(null)
    try {
      const res = await call('events', 'stamp', { code, eventId: forEvent || undefined }, { idempotent: true, loadingText: '正在盖章' })
      setEventId(res.card.eventId)
      setResult({ ok: true, text: `盖章成功：${res.stamp.boothName}` })
      Taro.showToast({ title: '盖章成功', icon: 'success' })
      return res.card
    } catch (err) {
      setResult({ ok: false, text: messageOf(err) })
      return null
    } finally {
      setBusy(false)
    }
  }

  const { data, setData, error, reload } = useRemote<{ card: StampCardDTO | null }>(async () => {
    const code = scene.current
    scene.current = ''
    const stamped = code ? await stampCode(code, eventId) : null
    if (stamped) return { card: stamped }
    // Refused (e.g. already stamped): still show the card of the fair this booth belongs to.
    if (code && !eventId) {
      const card = await call('events', 'stampCard', { code }, { idempotent: true }).catch(() => null)
      if (card) {
        setEventId(card.eventId)
        return { card }
      }
    }
    const id = eventId || (await currentFairId())
    if (!id) return { card: null }
    setEventId(id)
    return { card: await call('events', 'stampCard', { eventId: id }, { idempotent: true }) }
  })

  const stamp = async (code: string) => {
    const card = await stampCode(code, eventId)
    if (card) setData({ card })
  }

  if (!data) return <View className='page'><StateView state={error ? 'error' : 'loading'} message={error || undefined} onRetry={() => void reload()} /></View>
  const card = data.card
  if (!card) return <View className='page'><StateView state='empty' message='目前没有进行中的集章活动' /></View>
  return (
    <View className='page stamp-card-page'>
      <StampCard card={card} />
      <View className='card'>
        <Text className='card__title'>扫展位码集章</Text>
        <ScanBox idPrefix='stamp' scanText='扫展位码' inputLabel='展位码' onCode={stamp} busy={busy} />
        {result && <Text id='stamp-result' className={`ev-result ev-result--${result.ok ? 'ok' : 'warn'}`}>{result.text}</Text>}
      </View>
      <TierList tiers={card.tiers} onOpen={(tierId) => Taro.navigateTo({ url: eventsRoutes.giftCode(card.eventId, tierId) })} />
    </View>
  )
}
