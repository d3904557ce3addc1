import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { routeUrl } from '../../../../../types/routes'
import { BigButton } from '../../../../components/big-button'
import { PageFrame } from '../../../../components/page-frame'
import { RemoteView } from '../../../../components/remote-view'
import { useRemote } from '../../../../hooks/use-remote'
import { call } from '../../../../services/api'
import { formatDateTime } from '../../../../utils/datetime'
import { FiguresTable } from '../../components/figures-table'
import '../../styles.css'

const go = (url: string) => Taro.navigateTo({ url })

/** Officers: each year's programme with its mixers' aggregate figures, review and reports. Never picks or contacts. */
export default function OfficerPage() {
  const list = useRemote((silent) => call('matchmaking', 'listMixers', {}, { silent }))
  const programmes = [...new Set((list.data ?? []).map((c) => c.mixer.programme))]
  const [chosen, setChosen] = useState('')
  const current = chosen || programmes[0] || ''
  const prog = useRemote((silent) => (current ? call('matchmaking', 'programme', { programme: current }, { silent }) : Promise.resolve(null)), [current])
  return (
    <PageFrame className='matchmaking'>
      <BigButton id='new-mixer' onClick={() => go(routeUrl('matchmakingEdit'))}>新建联谊活动</BigButton>
      <BigButton id='to-reports' variant='secondary' onClick={() => go(routeUrl('matchmakingReports'))}>举报与暂停参加</BigButton>
      <View className='mx-chips'>
        {programmes.map((p) => <View key={p} className={`mx-chip ${p === current ? 'mx-chip--on' : ''}`} onClick={() => setChosen(p)}>{p}</View>)}
      </View>
      <RemoteView remote={prog} isEmpty={(p) => !p}>
        {(p) => (
          <View>
            <View id='programme-totals' className='card'>
              <Text className='card__title'>{p!.programme} · 共 {p!.mixers.length} 场</Text>
              <FiguresTable id='totals' f={p!.totals} />
            </View>
            {p!.mixers.map((f) => {
              const m = list.data?.find((c) => c.mixer.id === f.mixerId)?.mixer
              return (
                <View key={f.mixerId} id={`fig-${f.mixerId}`} className='card'>
                  <Text className='card__title'>{f.title}</Text>
                  {m && <Text className='muted'>{formatDateTime(m.startsAt)} · {m.venue}</Text>}
                  <FiguresTable id={`figures-${f.mixerId}`} f={f} />
                  <BigButton id={`review-${f.mixerId}`} variant='secondary' onClick={() => go(routeUrl('matchmakingReview', { id: f.mixerId }))}>审核报名与候补</BigButton>
                  {m?.phase === 'open' && <BigButton id={`edit-${f.mixerId}`} variant='secondary' onClick={() => go(routeUrl('matchmakingEdit', { id: f.mixerId }))}>编辑活动</BigButton>}
                </View>
              )
            })}
          </View>
        )}
      </RemoteView>
    </PageFrame>
  )
}
