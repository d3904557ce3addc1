import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { ScanBox } from '~src/components/scan-box'
import { useAction } from '~src/hooks/use-action'
import { useParams } from '~src/hooks/use-params'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import '~src/packages/matchmaking/styles.css'

/** The mixer's check-in desk: scan the member's code → the badge number to write on the badge. */
export default function StationPage() {
  const { id = '' } = useParams()
  const desks = useRemote((silent) => call('matchmaking', 'staffMixers', {}, { silent }))
  const [shown, setShown] = useState<{ ok: boolean; text: string; badge?: number } | null>(null)
  const scan = useAction(async (token: string) => {
    setShown(null)
    const r = await call('matchmaking', 'checkIn', { mixerId: id, token }, { loadingText: '正在签到' })
    setShown({ ok: !r.alreadyCheckedIn, text: `${r.message} · ${r.nickname}（${r.gender === 'F' ? '女' : '男'}）`, badge: r.badge })
    void desks.reload()
  })
  const result = scan.error ? { ok: false, text: scan.error } : shown
  return (
    <PageFrame className='matchmaking'>
      <RemoteView remote={desks} isEmpty={(d) => !d.some((x) => x.mixer.id === id)} emptyText='您不是本场活动的工作人员'>
        {(d) => {
          const here = d.find((x) => x.mixer.id === id)!
          return (
            <View className='card'>
              <Text className='card__title'>{here.mixer.title}</Text>
              <Text id='station-counts' className='mx-text'>
                已签到：男 {here.checkedIn.M} · 女 {here.checkedIn.F}
              </Text>
              {result?.badge && (
                <Text id='station-badge' className='mx-big'>
                  {result.badge}号
                </Text>
              )}
              {result && (
                <View id='station-result' className={`mx-result mx-result--${result.ok ? 'ok' : 'warn'}`}>
                  {result.text}
                </View>
              )}
              <ScanBox idPrefix='station' scanText='扫会员签到码' inputLabel='签到码' onCode={scan.run} busy={scan.busy} />
            </View>
          )
        }}
      </RemoteView>
    </PageFrame>
  )
}
