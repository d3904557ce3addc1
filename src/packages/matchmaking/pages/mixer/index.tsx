import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MixerCardDTO } from '~types/matchmaking'
import { routeUrl } from '~types/routes'
import { BigButton } from '~src/components/big-button'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { type Action, useAction } from '~src/hooks/use-action'
import { useParams } from '~src/hooks/use-params'
import { useRemote } from '~src/hooks/use-remote'
import { SubscribeSheet } from '~src/components/subscribe-sheet'
import { call } from '~src/services/api'
import { requestNotices } from '~src/services/subscribe'
import { mixerInstant } from '~src/packages/matchmaking/lib/mixer-times'
import { MixerSummary } from '~src/packages/matchmaking/components/mixer-summary'
import { isLive, signupText } from '~src/packages/matchmaking/lib/signup-view'
import '~src/packages/matchmaking/styles.css'

const go = (url: string) => Taro.navigateTo({ url })

function Next({ c }: { c: MixerCardDTO }) {
  const s = c.signup!
  const id = c.mixer.id
  if (s.status !== 'approved') return null
  return (
    <View>
      <BigButton id='to-code' onClick={() => go(routeUrl('matchmakingMine', { id }))}>
        {s.badge ? `我的签到（${s.badge}号）` : '活动当天：我的签到码'}
      </BigButton>
      {s.badge && (
        <BigButton id='to-pick' onClick={() => go(routeUrl('matchmakingPick', { id }))}>
          心动选择（{mixerInstant(c.mixer.pickOpensAt)} 开始）
        </BigButton>
      )}
      {s.badge && (
        <BigButton id='to-matches' variant='secondary' onClick={() => go(routeUrl('matchmakingMatches', { id }))}>
          查看匹配结果
        </BigButton>
      )}
      {s.badge && (
        <BigButton id='to-report' variant='secondary' onClick={() => go(routeUrl('matchmakingReport', { id }))}>
          举报参加者
        </BigButton>
      )}
    </View>
  )
}

type SignupStep = 'signUp' | 'cancelSignup' | 'acceptOffer' | 'declineOffer'
type Act = Action<[SignupStep], void>

function About({ c }: { c: MixerCardDTO }) {
  return (
    <View className='card'>
      <MixerSummary mixer={c.mixer} />
      {c.mixer.description && <Text className='muted'>{c.mixer.description}</Text>}
      <Text className='mx-text'>
        剩余名额：男 {c.left.M} · 女 {c.left.F}（满员后可候补）
      </Text>
      <Text className='muted'>
        报名截止：{mixerInstant(c.mixer.signupClosesAt)}；{c.mixer.review === 'officer' ? '报名后由工会审核' : '报名即通过'}
      </Text>
    </View>
  )
}

/** Every reason she may not sign up yet, and the way to the profile page that fixes most of them. */
function NotEligible({ c }: { c: MixerCardDTO }) {
  return (
    <View id='not-eligible'>
      {c.eligibility.reasons.map((r) => (
        <Text key={r} className='mx-text mx-warn'>
          · {r}
        </Text>
      ))}
      <BigButton id='fix-profile' variant='secondary' onClick={() => go(routeUrl('matchmakingProfile'))}>
        填写资料 / 签署单身承诺
      </BigButton>
    </View>
  )
}

function Steps({ c, act }: { c: MixerCardDTO; act: Act }) {
  const offered = c.signup?.status === 'offered'
  return (
    <View>
      {!isLive(c.signup) && c.eligibility.eligible && (
        <BigButton id='sign-up' loading={act.busy} onClick={() => void act.run('signUp')}>
          报名参加
        </BigButton>
      )}
      {offered && (
        <BigButton id='accept-offer' loading={act.busy} onClick={() => void act.run('acceptOffer')}>
          确认参加
        </BigButton>
      )}
      {offered && (
        <BigButton id='decline-offer' variant='secondary' onClick={() => void act.run('declineOffer')}>
          不参加了
        </BigButton>
      )}
      {isLive(c.signup) && !c.signup?.badge && (
        <BigButton id='cancel-signup' variant='danger' onClick={() => void act.run('cancelSignup')}>
          取消报名（名额将让给候补）
        </BigButton>
      )}
    </View>
  )
}

function MySignup({ c, act }: { c: MixerCardDTO; act: Act }) {
  return (
    <View className='card'>
      <Text className='card__title'>我的报名</Text>
      {c.signup && (
        <Text id='signup-status' className='mx-text mx-ok'>
          {signupText(c.signup)}
        </Text>
      )}
      {!isLive(c.signup) && !c.eligibility.eligible && <NotEligible c={c} />}
      <Steps c={c} act={act} />
      {act.error && (
        <Text id='signup-error' className='error-text'>
          {act.error}
        </Text>
      )}
      {c.signup && <Next c={c} />}
    </View>
  )
}

/** One mixer: what it is, whether I may sign up (every reason if not), my sign-up and its next step. */
export default function MixerPage() {
  const { id = '' } = useParams()
  const card = useRemote((silent) => call('matchmaking', 'getMixer', { mixerId: id }, { silent }), [id])
  const act = useAction(async (action: SignupStep) => {
    // The match notice's opt-in, within her sign-up tap (WeChat shows its dialog only on a tap); never blocks it.
    if (action === 'signUp') await requestNotices('matchmaking', ['match'], '“匹配结果”页')
    await call('matchmaking', action, { mixerId: id }, { loadingText: '正在提交' })
    await card.reload()
  })
  return (
    <PageFrame className='matchmaking'>
      <RemoteView remote={card}>
        {(c) => (
          <View>
            <About c={c} />
            <MySignup c={c} act={act} />
          </View>
        )}
      </RemoteView>
      <SubscribeSheet />
    </PageFrame>
  )
}
