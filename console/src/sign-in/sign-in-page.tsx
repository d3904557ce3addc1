import { Alert, Button, Card, Loading } from 'tdesign-react'
import { formatShanghai } from '~src/utils/datetime'
import { useLoginRequest } from './use-login-request'
import './sign-in.css'

/** 扫码登录: the code to scan with WeChat, the two digits to check on the phone, and what happens next. */
export function SignInPage({ notice }: { notice: string | null }) {
  const { state, restart } = useLoginRequest()
  return (
    <main className='sign-in'>
      <Card className='sign-in__card' bordered={false}>
        <h1 className='sign-in__title'>工会干部控制台</h1>
        <p className='muted'>请用微信“扫一扫”扫描下方小程序码，在手机上核对数字后确认登录。</p>
        {notice && <Alert theme='warning' message={notice} className='sign-in__notice' />}
        {state.phase === 'starting' && <Loading text='正在生成登录二维码…' />}
        {state.phase === 'signingIn' && <Loading text='手机已确认，正在登录…' />}
        {state.phase === 'failed' && (
          <div className='sign-in__failed'>
            <Alert theme='error' message={state.message} />
            <Button onClick={restart}>刷新二维码</Button>
          </div>
        )}
        {state.phase === 'shown' && (
          <div className='sign-in__code'>
            <img id='console-login-code' src={state.start.code.dataUrl} alt='登录小程序码' width={240} height={240} />
            <div className='sign-in__pair'>
              <span className='muted'>配对数字</span>
              <strong id='console-login-number'>{state.start.number}</strong>
              <span className='muted'>手机上显示的数字应与此相同</span>
            </div>
            <p className='muted'>二维码 {formatShanghai(state.start.expiresAt, 'HH:mm')} 前有效，过期后自动刷新。</p>
            <Button variant='text' onClick={restart}>
              刷新二维码
            </Button>
          </div>
        )}
        <p className='muted sign-in__foot'>登录后 8 小时内有效；可在手机“我的 → 已登录的电脑”中随时退出。</p>
      </Card>
    </main>
  )
}
