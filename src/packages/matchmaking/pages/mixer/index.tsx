import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MixerCardDTO } from '../../../../../types/matchmaking'
import { routeUrl } from '../../../../../types/routes'
import { BigButton } from '../../../../components/big-button'
import { PageFrame } from '../../../../components/page-frame'
import { RemoteView } from '../../../../components/remote-view'
import { useAction } from '../../../../hooks/use-action'
import { useParams } from '../../../../hooks/use-params'
import { useRemote } from '../../../../hooks/use-remote'
import { call } from '../../../../services/api'
import { formatDateTime } from '../../../../utils/datetime'
import { MixerSummary } from '../../components/mixer-summary'
import { isLive, signupText } from '../../lib/signup-view'
import '../../styles.css'

const go = (url: string) => Taro.navigateTo({ url })

function Next({ c }: { c: MixerCardDTO }) {
  const s = c.signup!
  const id = c.mixer.id
  if (s.status !== 'approved') return null
  return (
    <View>
      <BigButton id='to-code' onClick={() => go(routeUrl('matchmakingMine', { id }))}>{s.badge ? `我的签到（${s.badge}号）` : '活动当天：我的签到码'}</BigButton>
      {s.badge && <BigButton id='to-pick' onClick={() => go(routeUrl('matchmakingPick', { id }))}>心动选择（{formatDateTime(c.mixer.pickOpensAt)} 开始）</BigButton>}
      {s.badge && <BigButton id='to-matches' variant='secondary' onClick={() => go(routeUrl('matchmakingMatches', { id }))}>查看匹配结果</BigButton>}
      {s.badge && <BigButton id='to-report' variant='secondary' onClick={() => go(routeUrl('matchmakingReport', { id }))}>举报参加者</BigButton>}
    </View>
  )
}

/** One mixer: what it is, whether I may sign up (every reason if not), my sign-up and its next step. */
export default function MixerPage() {
  const { id = '' } = useParams()
  const card = useRemote((silent) => call('matchmaking', 'getMixer', { mixerId: id }, { silent }), [id])
  const act = useAction(async (action: 'signUp' | 'cancelSignup' | 'acceptOffer' | 'declineOffer') => {
    await call('matchmaking', action, { mixerId: id }, { loadingText: '正在提交' })
    await card.reload()
  })
  return (
    <PageFrame className='matchmaking'>
      <RemoteView remote={card}>
        {(c) => (
          <View>
            <View className='card'>
              <MixerSummary mixer={c.mixer} />
              {c.mixer.description && <Text className='muted'>{c.mixer.description}</Text>}
              <Text className='mx-text'>剩余名额：男 {c.left.M} · 女 {c.left.F}（满员后可候补）</Text>
              <Text className='muted'>报名截止：{formatDateTime(c.mixer.signupClosesAt)}；{c.mixer.review === 'officer' ? '报名后由工会审核' : '报名即通过'}</Text>
            </View>
            <View className='card'>
              <Text className='card__title'>我的报名</Text>
              {c.signup && <Text id='signup-status' className='mx-text mx-ok'>{signupText(c.signup)}</Text>}
              {!isLive(c.signup) && !c.eligibility.eligible && (
                <View id='not-eligible'>
                  {c.eligibility.reasons.map((r) => <Text key={r} className='mx-text mx-warn'>· {r}</Text>)}
                  <BigButton id='fix-profile' variant='secondary' onClick={() => go(routeUrl('matchmakingProfile'))}>填写资料 / 签署单身承诺</BigButton>
                </View>
              )}
              {!isLive(c.signup) && c.eligibility.eligible && <BigButton id='sign-up' loading={act.busy} onClick={() => void act.run('signUp')}>报名参加</BigButton>}
              {c.signup?.status === 'offered' && <BigButton id='accept-offer' loading={act.busy} onClick={() => void act.run('acceptOffer')}>确认参加</BigButton>}
              {c.signup?.status === 'offered' && <BigButton id='decline-offer' variant='secondary' onClick={() => void act.run('declineOffer')}>不参加了</BigButton>}
              {isLive(c.signup) && !c.signup?.badge && <BigButton id='cancel-signup' variant='danger' onClick={() => void act.run('cancelSignup')}>取消报名（名额将让给候补）</BigButton>}
              {act.error && <Text id='signup-error' className='error-text'>{act.error}</Text>}
              {c.signup && <Next c={c} />}
            </View>
          </View>
        )}
      </RemoteView>
    </PageFrame>
  )
}
