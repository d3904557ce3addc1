import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { StampCardDTO } from '~types/events'
import { routeUrl } from '~types/routes'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { ScanBox } from '~src/components/scan-box'
import { useAction } from '~src/hooks/use-action'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { StampCard } from '~src/packages/events/components/stamp-card'
import { TierList } from '~src/packages/events/components/tier-list'
import { useParams } from '~src/hooks/use-params'
import { usePageScene, type PageScene } from '~src/hooks/use-scene'
import { SignInNeeded } from '~src/components/sign-in-needed'
import { notify } from '~src/services/notify'
import '~src/packages/events/styles.css'

/** Opened without an event (home tile, shared link): the fair going on now. */
async function currentFairId(): Promise<string> {
  const { events } = await call('events', 'listEvents', {})
  const fair = events.find((e) => e.phase === 'ongoing' && e.boothCount > 0) ?? events.find((e) => e.boothCount > 0)
  return fair?.id ?? ''
}

type Stamp = (code: string, forEvent: string) => Promise<StampCardDTO | undefined>

/** The card to show: stamped from the scene code first if there is one, else that of the event chosen or going on now. */
async function loadCard(code: string, eventId: string, setEventId: (id: string) => void, stamp: Stamp, silent: boolean) {
  const stamped = code ? await stamp(code, eventId) : undefined
  if (stamped) return stamped
  // Refused (e.g. already stamped): still show the card of the fair this booth belongs to.
  if (code && !eventId) {
    const card = await call('events', 'stampCard', { code }).catch(() => null)
    if (card) {
      setEventId(card.eventId)
      return card
    }
  }
  const id = eventId || (await currentFairId())
  if (!id) return null
  setEventId(id)
  return call('events', 'stampCard', { eventId: id }, { silent })
}

/** The code a booth's mini-program code opened the page with is stamped once; not verified yet, it waits for her. */
function useCardRemote(page: PageScene, eventId: string, setEventId: (id: string) => void, stamp: Stamp) {
  return useRemote<{ card: StampCardDTO | null }>(async (silent) => {
    const code = page.scene.current
    page.scene.current = ''
    try {
      return { card: await loadCard(code, eventId, setEventId, stamp, silent) }
    } catch (err) {
      if (page.keepIfSignIn(err, code)) return { card: null }
      throw err
    }
  })
}

interface ScanProps {
  done: string
  error: string
  busy: boolean
  onCode: (code: string) => Promise<void>
}

function StampScan({ done, error, busy, onCode }: ScanProps) {
  return (
    <View className='card'>
      <Text className='card__title'>扫展位码集章</Text>
      <ScanBox idPrefix='stamp' scanText='扫展位码' inputLabel='展位码' onCode={onCode} busy={busy} />
      {(done || error) && (
        <View id='stamp-result' className={`ev-result ev-result--${error ? 'warn' : 'ok'}`}>
          {error || done}
        </View>
      )}
    </View>
  )
}

export default function StampCardPage() {
  const params = useParams()
  const [eventId, setEventId] = useState(params.id ?? '')
  const [done, setDone] = useState('')
  // A printed booth code scanned with WeChat's own camera opens this page with ?scene=<code>: stamp it once.
  const page = usePageScene()

  const stamping = useAction(async (code: string, forEvent: string) => {
    setDone('')
    const res = await call('events', 'stamp', { code, eventId: forEvent || undefined }, { loadingText: '正在盖章' })
    setEventId(res.card.eventId)
    setDone(`盖章成功：${res.stamp.boothName}`)
    notify('盖章成功')
    return res.card
  })

  const remote = useCardRemote(page, eventId, setEventId, stamping.run)

  const stamp = async (code: string) => {
    const card = await stamping.run(code, eventId)
    if (card) remote.setData({ card })
  }

  return (
    <PageFrame className='stamp-card-page'>
      {page.signInNeeded && <SignInNeeded need={page.signInNeeded} what='集章' />}
      <RemoteView remote={remote} isEmpty={(d) => !d.card && !page.signInNeeded} emptyText='目前没有进行中的集章活动'>
        {({ card }) =>
          card && (
            <>
              <StampCard card={card} />
              <StampScan done={done} error={stamping.error} busy={stamping.busy} onCode={stamp} />
              <TierList
                tiers={card.tiers}
                onOpen={(tierId) => Taro.navigateTo({ url: routeUrl('eventsGiftCode', { id: card.eventId, tier: tierId }) })}
              />
            </>
          )
        }
      </RemoteView>
    </PageFrame>
  )
}
