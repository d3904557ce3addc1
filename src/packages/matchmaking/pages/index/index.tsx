import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MixerCardDTO } from '~types/matchmaking'
import { routeUrl } from '~types/routes'
import { BigButton } from '~src/components/big-button'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { loadMe } from '~src/services/me-store'
import { MixerSummary } from '~src/packages/matchmaking/components/mixer-summary'
import { signupText } from '~src/packages/matchmaking/lib/signup-view'
import '~src/packages/matchmaking/styles.css'

const go = (url: string) => Taro.navigateTo({ url })

function MixerCard({ c }: { c: MixerCardDTO }) {
  return (
    <View id={`mixer-${c.mixer.id}`} className='card'>
      <MixerSummary mixer={c.mixer} />
      <Text className='mx-text'>
        剩余名额：男 {c.left.M} · 女 {c.left.F}
      </Text>
      {c.signup && <Text className='mx-text mx-ok'>{signupText(c.signup)}</Text>}
      <BigButton id={`open-${c.mixer.id}`} onClick={() => go(routeUrl('matchmakingMixer', { id: c.mixer.id }))}>
        {c.signup ? '查看我的报名' : '查看并报名'}
      </BigButton>
    </View>
  )
}

/** The check-in desks of her event staff roles (asked only when she has one) and the officers' page. */
function Desks() {
  const me = useRemote((silent) => loadMe({ silent }))
  const roles = me.data?.roles ?? []
  const officer = roles.some((r) => r.role === 'officer')
  const staff = officer || roles.some((r) => r.role === 'staff' && r.scope.kind === 'event')
  const desks = useRemote((silent) => (staff ? call('matchmaking', 'staffMixers', {}, { silent }) : Promise.resolve([])), [staff])
  if ((desks.data ?? []).length === 0 && !officer) return null
  return (
    <View className='card'>
      <Text className='card__title'>工作人员与工会干部</Text>
      {officer && (
        <BigButton id='to-officer' variant='secondary' onClick={() => go(routeUrl('matchmakingOfficer'))}>
          工会干部：活动管理与统计
        </BigButton>
      )}
      {(desks.data ?? []).map((d) => (
        <BigButton
          key={d.mixer.id}
          id={`station-${d.mixer.id}`}
          variant='secondary'
          onClick={() => go(routeUrl('matchmakingStation', { id: d.mixer.id }))}
        >
          签到台：{d.mixer.title}
        </BigButton>
      ))}
    </View>
  )
}

/** 会聚良缘: the mixers open to me, my profile, and the desks of staff and officers. */
export default function MatchmakingIndex() {
  const list = useRemote((silent) => call('matchmaking', 'listMixers', {}, { silent }))
  return (
    <PageFrame className='matchmaking'>
      {/* Staff and officers find their entry first, not after every mixer of the year. */}
      <Desks />
      <View className='card'>
        <Text className='card__title'>会聚良缘 · 单身职工联谊</Text>
        <Text className='muted'>
          报名参加联谊会；活动后在小程序里悄悄选择心动的人，只有双方互选才会告知，其他人（包括工会）都无法看到您的选择。
        </Text>
        <BigButton id='to-profile' variant='secondary' onClick={() => go(routeUrl('matchmakingProfile'))}>
          我的交友资料与单身承诺
        </BigButton>
      </View>
      <RemoteView remote={list} isEmpty={(d) => d.length === 0} emptyText='近期没有联谊活动，敬请关注'>
        {(cards) => (
          <View>
            {cards.map((c) => (
              <MixerCard key={c.mixer.id} c={c} />
            ))}
          </View>
        )}
      </RemoteView>
    </PageFrame>
  )
}
