import { PageFrame } from '~src/components/page-frame'
import { BackLink } from '~src/components/back-link'
import { SignInNeeded } from '~src/components/sign-in-needed'
import { usePageScene } from '~src/hooks/use-scene'
import { ConfirmCard } from './confirm-card'
import { ComputerSessions } from './computer-sessions'
import './index.css'

/**
 * The phone's side of the officers' console (issue 18). Opened from the console's mini-program code
 * (`scene` = its login request): which console asks, and 确认登录 / 取消. Opened from 我的: 已登录的电脑,
 * each of which she can end here, or all at once.
 */
export default function ConsoleLogin() {
  const page = usePageScene()
  const loginId = page.scene.current
  return (
    <PageFrame className='console-login'>
      {page.signInNeeded && <SignInNeeded need={page.signInNeeded} what='确认电脑登录' />}
      {loginId && !page.signInNeeded && <ConfirmCard loginId={loginId} onRefused={(err) => page.keepIfSignIn(err, loginId)} />}
      <ComputerSessions />
      <BackLink />
    </PageFrame>
  )
}
