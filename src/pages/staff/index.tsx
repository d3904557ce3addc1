import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { PageFrame } from '~src/components/page-frame'
import { BackLink } from '~src/components/back-link'
import { RemoteView } from '~src/components/remote-view'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { inviteCodeFrom, inviteCodeFromOptions } from '~src/services/invite-link'
import { usePageScene } from '~src/hooks/use-scene'
import { SignInNeeded } from '~src/components/sign-in-needed'
import { loadMe } from '~src/services/me-store'
import { RedeemCard } from './redeem-card'
import { type EventPlaces, RoleDesks } from './role-desks'
import './index.css'

/** Staff entry: redeem an invite (from its mini-program code, with the code filled in) and reach each role's desk. */
export default function Staff() {
  const { params } = useRouter()
  // The invite's mini-program code opens this page with the code as `scene`: filled in for her to confirm.
  const page = usePageScene()
  const initialCode = inviteCodeFrom(page.scene.current) || inviteCodeFromOptions({ code: params.code })
  const me = useRemote(async (silent) => {
    try {
      return await loadMe({ silent })
    } catch (err) {
      page.keepIfSignIn(err, initialCode) // not signed in (the demo): the code waits for her return
      throw err
    }
  })
  const hasEventRole = !!me.data?.roles.some((r) => r.role === 'staff' && r.scope.kind === 'event')
  // Only event staff need these: the events service says which desks each event has; a mixer's desk is matchmaking's.
  const events = useRemote(
    async (silent): Promise<EventPlaces> => {
      if (!hasEventRole) return { events: [], mixerIds: [] }
      const [ev, mixers] = await Promise.all([
        call('events', 'staffEvents', {}, { silent }),
        call('matchmaking', 'staffMixers', {}, { silent: true }).catch(() => []),
      ])
      return { events: ev.events, mixerIds: mixers.map((m) => m.mixer.id) }
    },
    [hasEventRole],
  )
  return (
    <PageFrame className='staff'>
      {page.signInNeeded && <SignInNeeded need={page.signInNeeded} what='使用邀请码' />}
      <View className='card'>
        <Text className='card__title'>我的工作人员身份</Text>
        <RemoteView remote={me}>{(m) => <RoleDesks roles={m.roles} places={events.data} />}</RemoteView>
      </View>
      <RedeemCard initialCode={initialCode} onRedeemed={(next) => me.setData(next)} />
      <BackLink />
    </PageFrame>
  )
}
