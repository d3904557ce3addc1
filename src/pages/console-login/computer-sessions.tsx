import { Text, View } from '@tarojs/components'
import type { ConsoleSessionDTO } from '~types/console'
import { BigButton } from '~src/components/big-button'
import { RemoteView } from '~src/components/remote-view'
import { useAction } from '~src/hooks/use-action'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { confirmDialog } from '~src/services/dialog'
import { notify } from '~src/services/notify'
import { formatShanghai } from '~src/utils/datetime'

function SessionRow({ s, onEnd, busy }: { s: ConsoleSessionDTO; onEnd: () => void; busy: boolean }) {
  return (
    <View className='console-session' id={`console-session-${s.id}`}>
      <Text className='console-session__title'>{s.device ?? '电脑'}</Text>
      <Text className='muted'>
        {formatShanghai(s.startedAt)} 登录{s.place ? ` · IP ${s.place}` : ''} · {formatShanghai(s.expiresAt, 'HH:mm')} 前有效
      </Text>
      <BigButton className='console-session__end' variant='secondary' loading={busy} onClick={onEnd}>
        退出这台电脑
      </BigButton>
    </View>
  )
}

/** Ending one session, or all: each asks first, then reads the list again. */
function useEndings(reload: () => Promise<void>) {
  const endOne = useAction(
    async (id: string) => {
      await call('console', 'endSession', { sessionId: id }, { loadingText: '正在退出' })
      notify('已退出')
      await reload()
    },
    {
      ask: () =>
        confirmDialog({
          title: '退出这台电脑',
          content: '该电脑上的控制台将立即退出登录，需重新扫码才能使用。',
          confirmText: '退出',
          danger: true,
        }),
    },
  )
  const endAll = useAction(
    async () => {
      await call('console', 'endAllSessions', {}, { loadingText: '正在退出' })
      notify('已全部退出')
      await reload()
    },
    {
      ask: () =>
        confirmDialog({ title: '退出所有电脑', content: '所有电脑上的控制台都将立即退出登录。', confirmText: '全部退出', danger: true }),
    },
  )
  return { endOne, endAll }
}

/** 已登录的电脑: her console sessions; ending one signs that console out at its next step. */
export function ComputerSessions() {
  const sessions = useRemote((silent) => call('console', 'listSessions', {}, { silent }))
  const { endOne, endAll } = useEndings(() => sessions.reload())
  return (
    <View className='card' id='console-sessions'>
      <Text className='card__title'>已登录的电脑</Text>
      <RemoteView remote={sessions} isEmpty={(l) => l.length === 0} emptyText='没有已登录的电脑' loadingText='正在读取'>
        {(list) => (
          <>
            {list.map((s) => (
              <SessionRow key={s.id} s={s} busy={endOne.busy} onEnd={() => void endOne.run(s.id)} />
            ))}
            <BigButton id='console-end-all' variant='danger' loading={endAll.busy} onClick={() => void endAll.run()}>
              退出所有电脑
            </BigButton>
          </>
        )}
      </RemoteView>
      {(endOne.error || endAll.error) && <Text className='muted'>{endOne.error || endAll.error}</Text>}
    </View>
  )
}
