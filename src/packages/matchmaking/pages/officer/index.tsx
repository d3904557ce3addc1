import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { FiguresDTO, MixerDTO, ProgrammeDTO } from '~types/matchmaking'
import { routeUrl } from '~types/routes'
import { BigButton } from '~src/components/big-button'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { formatDateTime } from '~src/utils/datetime'
import { FiguresTable } from '~src/packages/matchmaking/components/figures-table'
import '~src/packages/matchmaking/styles.css'

const go = (url: string) => Taro.navigateTo({ url })

function MixerFigures({ f, m }: { f: FiguresDTO; m: MixerDTO | undefined }) {
  return (
    <View id={`fig-${f.mixerId}`} className='card'>
      <Text className='card__title'>{f.title}</Text>
      {m && (
        <Text className='muted'>
          {formatDateTime(m.startsAt)} · {m.venue}
        </Text>
      )}
      {m && (
        <Text id={`organiser-${f.mixerId}`} className='muted'>
          主办：{m.organiser}
        </Text>
      )}
      <FiguresTable id={`figures-${f.mixerId}`} f={f} />
      <BigButton id={`review-${f.mixerId}`} variant='secondary' onClick={() => go(routeUrl('matchmakingReview', { id: f.mixerId }))}>
        审核报名与候补
      </BigButton>
      {m?.phase === 'open' && (
        <BigButton id={`edit-${f.mixerId}`} variant='secondary' onClick={() => go(routeUrl('matchmakingEdit', { id: f.mixerId }))}>
          编辑活动
        </BigButton>
      )}
    </View>
  )
}

function Programme({ p, mixers }: { p: ProgrammeDTO; mixers: MixerDTO[] }) {
  return (
    <View>
      <View id='programme-totals' className='card'>
        <Text className='card__title'>
          {p.programme} · 共 {p.mixers.length} 场
        </Text>
        <FiguresTable id='totals' f={p.totals} />
      </View>
      {p.mixers.map((f) => (
        <MixerFigures key={f.mixerId} f={f} m={mixers.find((m) => m.id === f.mixerId)} />
      ))}
    </View>
  )
}

/**
 * Officers: each year's programme with its mixers' aggregate figures, review and reports. Never picks or
 * contacts. Only her own union's mixers and those of the unions below it (issue 20).
 */
export default function OfficerPage() {
  const list = useRemote((silent) => call('matchmaking', 'officerMixers', {}, { silent }))
  const programmes = [...new Set((list.data ?? []).map((m) => m.programme))]
  const [chosen, setChosen] = useState('')
  const current = chosen || programmes[0] || ''
  const prog = useRemote(
    (silent) => (current ? call('matchmaking', 'programme', { programme: current }, { silent }) : Promise.resolve(null)),
    [current],
  )
  return (
    <PageFrame className='matchmaking'>
      <BigButton id='new-mixer' onClick={() => go(routeUrl('matchmakingEdit'))}>
        新建联谊活动
      </BigButton>
      <BigButton id='to-reports' variant='secondary' onClick={() => go(routeUrl('matchmakingReports'))}>
        举报与暂停参加
      </BigButton>
      <BigButton id='to-texts' variant='secondary' onClick={() => go(routeUrl('matchmakingTexts'))}>
        资料审核
      </BigButton>
      <View className='mx-chips'>
        {programmes.map((p) => (
          <View key={p} className={`mx-chip ${p === current ? 'mx-chip--on' : ''}`} onClick={() => setChosen(p)}>
            {p}
          </View>
        ))}
      </View>
      <RemoteView remote={prog} isEmpty={(p) => !p}>
        {(p) => <Programme p={p!} mixers={list.data ?? []} />}
      </RemoteView>
    </PageFrame>
  )
}
