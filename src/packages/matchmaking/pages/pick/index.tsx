import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { DirectoryDTO } from '~types/matchmaking'
import { routeUrl } from '~types/routes'
import { BigButton } from '~src/components/big-button'
import { SubscribeSheet } from '~src/components/subscribe-sheet'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { useParams } from '~src/hooks/use-params'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { PickFinder } from '~src/packages/matchmaking/components/pick-finder'
import { mixerInstant } from '~src/packages/matchmaking/lib/mixer-times'
import type { PickStatus } from '~src/packages/matchmaking/lib/pick-draft'
import { usePicks } from '~src/packages/matchmaking/lib/use-picks'
import '~src/packages/matchmaking/styles.css'

interface ListProps {
  dir: DirectoryDTO
  chosen: number[]
  found: number | null
  limit: { badge: number; text: string } | null
  toggle: (badge: number) => void
}

function Directory({ dir, chosen, found, limit, toggle }: ListProps) {
  return (
    <View id='directory' className='card'>
      {dir.others.map((e) => (
        <View
          key={e.badge}
          id={`entry-${e.badge}`}
          className={`mx-entry ${chosen.includes(e.badge) ? 'mx-entry--on' : ''} ${found === e.badge ? 'mx-entry--found' : ''}`}
          onClick={() => toggle(e.badge)}
        >
          <Text className='mx-badge'>{e.badge}号</Text>
          <View className='mx-entry__body'>
            <Text className='mx-text'>
              {e.nickname} · {e.birthYear} 年 · {e.sector}
              {chosen.includes(e.badge) ? ' ♥' : ''}
            </Text>
            <Text className='muted'>{e.intro}</Text>
            {limit?.badge === e.badge && (
              <Text id='pick-limit' className='mx-text mx-warn'>
                {limit.text}
              </Text>
            )}
          </View>
        </View>
      ))}
    </View>
  )
}

/** Where her choice stands: 已提交 only from the server's answer, a draft marked 未提交. */
function Status({ status, closesAt, noticeText }: { status: PickStatus; closesAt: number; noticeText: string }) {
  if (status.kind === 'sent') {
    return (
      <View id='pick-sent' className='mx-result mx-result--ok'>
        {status.text}
        {mixerInstant(closesAt)} 公布结果。{noticeText}
      </View>
    )
  }
  return (
    <View id='pick-draft' className={`mx-result ${status.kind === 'draft' ? 'mx-result--warn' : 'mx-result--info'}`}>
      {status.text}
    </View>
  )
}

function Picker({ dir }: { dir: DirectoryDTO }) {
  const { chosen, toggle, limit, status, noticeText, submit } = usePicks(dir)
  const [found, setFound] = useState<number | null>(null)
  return (
    <View>
      <View className='card'>
        <Text className='card__title'>
          我是 {dir.me.badge}号 · 最多选 {dir.k} 位
        </Text>
        <Text className='muted'>
          {mixerInstant(dir.pickClosesAt)} 前可随时修改。您的选择在本机加密后提交，只有双方互选才会告知双方，其他任何人都看不到。
        </Text>
      </View>
      {/* Sticky: in a list of a hundred people she still sees where her choice stands and can jump to a badge. */}
      <View className='mx-sticky'>
        <PickFinder dir={dir} onFound={setFound} />
        <Status status={status} closesAt={dir.pickClosesAt} noticeText={noticeText} />
      </View>
      <Directory dir={dir} chosen={chosen} found={found} limit={limit} toggle={toggle} />
      <View className='mx-sticky mx-sticky--bottom'>
        {submit.error && (
          <Text id='pick-error' className='error-text'>
            {submit.error}
          </Text>
        )}
        <BigButton id='submit-picks' loading={submit.busy} onClick={() => void submit.run()}>
          提交（已选 {chosen.length}/{dir.k}）
        </BigButton>
      </View>
      <BigButton
        id='to-matches'
        variant='secondary'
        onClick={() => Taro.navigateTo({ url: routeUrl('matchmakingMatches', { id: dir.mixerId }) })}
      >
        查看结果
      </BigButton>
    </View>
  )
}

/** 心动选择: the frozen directory of the other group; picks leave this phone only as K tokens. */
export default function PickPage() {
  const { id = '' } = useParams()
  const dir = useRemote((silent) => call('matchmaking', 'directory', { mixerId: id }, { silent }), [id])
  return (
    <PageFrame className='matchmaking'>
      <RemoteView remote={dir} isEmpty={(d) => d.others.length === 0} emptyText='另一组暂无签到的参加者'>
        {(d) => <Picker key={d.mixerId} dir={d} />}
      </RemoteView>
      <SubscribeSheet />
    </PageFrame>
  )
}
