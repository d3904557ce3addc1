import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { MixerCardDTO } from '~types/matchmaking'
import { routeUrl } from '~types/routes'
import { BigButton } from '~src/components/big-button'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { RotatingCode } from '~src/components/rotating-code'
import { StateView } from '~src/components/state-view'
import { useParams } from '~src/hooks/use-params'
import { useRemote } from '~src/hooks/use-remote'
import { call, messageOf } from '~src/services/api'
import { formatTime } from '~src/utils/datetime'
import { pickWindow } from '~src/packages/matchmaking/lib/mixer-times'
import { ensureKeys, storedKeys } from '~src/packages/matchmaking/lib/phone-keys'
import '~src/packages/matchmaking/styles.css'

/**
 * Before the code goes up, this phone makes its key pair (kept here) and registers
 * the public half, so the check-in ties her badge to this phone's key.
 */
function useRegisteredKey(c: MixerCardDTO | null): { ready: boolean; error: string } {
  const [state, setState] = useState({ ready: false, error: '' })
  const id = c?.mixer.id ?? ''
  const registered = c?.signup?.publicKey ?? null
  const status = c?.signup?.status
  const pickOpensAt = c?.mixer.pickOpensAt ?? 0
  useEffect(() => {
    if (status !== 'approved') return
    const locked = Date.now() >= pickOpensAt
    const mine = storedKeys(id)
    if (locked || (mine && mine.publicKey === registered)) return setState({ ready: true, error: '' })
    ensureKeys(id)
      .then((keys) => call('matchmaking', 'registerKey', { mixerId: id, publicKey: keys.publicKey }, { silent: true }))
      .then(
        () => setState({ ready: true, error: '' }),
        (e) => setState({ ready: false, error: messageOf(e) }),
      )
  }, [id, registered, status, pickOpensAt])
  return state
}

function CheckedIn({ c }: { c: MixerCardDTO }) {
  const here = storedKeys(c.mixer.id)?.publicKey === c.signup!.publicKey
  return (
    <View className='card'>
      <Text className='card__title'>已签到 {formatTime(c.signup!.checkedInAt!)}</Text>
      <Text id='my-badge' className='mx-big'>
        {c.signup!.badge}号
      </Text>
      <Text className='muted'>请把号码写在胸牌上。心动选择时间：{pickWindow(c.mixer)}。</Text>
      {!here && <Text className='mx-text mx-warn'>本机不是签到时使用的手机：心动选择须在签到时使用的手机上进行。</Text>}
      <BigButton id='to-pick' onClick={() => Taro.navigateTo({ url: routeUrl('matchmakingPick', { id: c.mixer.id }) })}>
        去心动选择
      </BigButton>
    </View>
  )
}

/** My check-in at the venue: the rotating code for the desk, then my badge number. */
export default function MinePage() {
  const { id = '' } = useParams()
  const card = useRemote((silent) => call('matchmaking', 'getMixer', { mixerId: id }, { silent }), [id])
  const key = useRegisteredKey(card.data)
  const checkStatus = async () => {
    const c = await call('matchmaking', 'getMixer', { mixerId: id }, { silent: true })
    if (!c.signup?.badge) return null
    card.setData(c)
    return { title: `已签到 · ${c.signup.badge}号`, detail: formatTime(c.signup.checkedInAt!) }
  }
  return (
    <PageFrame className='matchmaking'>
      <RemoteView remote={card}>
        {(c) => {
          if (c.signup?.status !== 'approved') return <StateView state='empty' message='报名通过后，活动当天在这里出示签到码' />
          if (c.signup.badge) return <CheckedIn c={c} />
          if (key.error) return <StateView state='error' message={key.error} onRetry={() => void card.reload()} />
          if (!key.ready) return <StateView state='loading' message='正在本机生成密钥…' />
          return (
            <View className='card'>
              <Text className='card__title'>我的签到码</Text>
              <RotatingCode
                id='mx-code'
                fetchCode={() => call('matchmaking', 'checkinCode', { mixerId: id }, { silent: true })}
                checkStatus={checkStatus}
                deps={[id]}
                hint='请向签到台工作人员出示此码，领取号码牌'
              />
              <Text className='muted'>本机已生成心动选择所需的密钥，请在活动中使用同一部手机。</Text>
            </View>
          )
        }}
      </RemoteView>
    </PageFrame>
  )
}
