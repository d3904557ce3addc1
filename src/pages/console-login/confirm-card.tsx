import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ConsoleLoginDTO } from '~types/console'
import { BigButton } from '~src/components/big-button'
import { NoticeBanner } from '~src/components/notice-banner'
import { RemoteView } from '~src/components/remote-view'
import { useAction } from '~src/hooks/use-action'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { formatShanghai } from '~src/utils/datetime'

interface Props {
  loginId: string
  /** A refusal of who she is (not signed in): the page keeps the code and leads her to sign in. */
  onRefused: (err: unknown) => void
}

function Facts({ login }: { login: ConsoleLoginDTO }) {
  return (
    <>
      <View className='console-login__pair'>
        <Text className='muted'>配对数字（请与电脑屏幕上的数字核对）</Text>
        <Text id='console-login-number' className='console-login__number'>
          {login.number}
        </Text>
      </View>
      <View className='row'>
        <Text className='row__label'>时间</Text>
        <Text>{formatShanghai(login.startedAt)}</Text>
      </View>
      <View className='row'>
        <Text className='row__label'>地点</Text>
        <Text>{login.place ? `IP ${login.place}` : '未知'}</Text>
      </View>
      <View className='row'>
        <Text className='row__label'>设备</Text>
        <Text>{login.device ?? '未知'}</Text>
      </View>
    </>
  )
}

/** Her answer to the request: 确认登录 or 取消. */
function useAnswer(loginId: string) {
  const [answer, setAnswer] = useState<'confirmed' | 'cancelled' | null>(null)
  const confirm = useAction(async () => {
    await call('console', 'confirmLogin', { loginId }, { loadingText: '正在确认' })
    setAnswer('confirmed')
  })
  const cancel = useAction(async () => {
    await call('console', 'cancelLogin', { loginId }, { loadingText: '正在取消' })
    setAnswer('cancelled')
  })
  return { answer, confirm, cancel }
}

/** Which console asks to sign in as her, and her answer; someone who may not sign in is told why, with nothing to confirm. */
export function ConfirmCard({ loginId, onRefused }: Props) {
  const login = useRemote(async (silent) => {
    return await call('console', 'describeLogin', { loginId }, { silent }).catch((err: unknown) => {
      onRefused(err)
      throw err
    })
  })
  const { answer, confirm, cancel } = useAnswer(loginId)
  return (
    <View className='card' id='console-login-card'>
      <Text className='card__title'>电脑登录请求</Text>
      {answer === 'confirmed' && (
        <NoticeBanner id='console-login-done' tone='ok' text='已确认登录，电脑将在几秒内自动进入工会干部控制台。' />
      )}
      {answer === 'cancelled' && <NoticeBanner id='console-login-cancelled' tone='info' text='已取消，这台电脑不会登录。' />}
      {!answer && (
        <RemoteView remote={login} loadingText='正在读取登录请求'>
          {(l) => (
            <>
              <Text className='muted'>有一台电脑正在请求以您的身份登录工会干部控制台：</Text>
              <Facts login={l} />
              {l.refusal && <NoticeBanner id='console-login-refusal' tone='warn' text={l.refusal} />}
              {(confirm.error || cancel.error) && <NoticeBanner tone='warn' text={confirm.error || cancel.error} />}
              {!l.refusal && (
                <BigButton id='console-login-confirm' loading={confirm.busy} onClick={() => void confirm.run()}>
                  确认登录
                </BigButton>
              )}
              <BigButton id='console-login-cancel' variant='secondary' loading={cancel.busy} onClick={() => void cancel.run()}>
                {l.refusal ? '取消登录请求' : '取消'}
              </BigButton>
              <Text className='muted'>如果不是您本人在电脑前操作，请点“取消”。</Text>
            </>
          )}
        </RemoteView>
      )}
    </View>
  )
}
