import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { DirectoryDTO } from '~types/matchmaking'
import { ERROR_MESSAGES } from '~types/errors'
import { routeUrl } from '~types/routes'
import { BigButton } from '~src/components/big-button'
import { SubscribeSheet } from '~src/components/subscribe-sheet'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { Refusal, useAction } from '~src/hooks/use-action'
import { useParams } from '~src/hooks/use-params'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { requestNotices } from '~src/services/subscribe'
import { formatTime } from '~src/utils/datetime'
import { choiceRefusal } from '~src/packages/matchmaking/lib/choice.rules'
import { makeSubmission, storeChoice, storedChoice, storedKeys } from '~src/packages/matchmaking/lib/phone-keys'
import '~src/packages/matchmaking/styles.css'

function Directory({ dir, chosen, toggle }: { dir: DirectoryDTO; chosen: number[]; toggle: (badge: number) => void }) {
  return (
    <View id='directory' className='card'>
      {dir.others.map((e) => (
        <View
          key={e.badge}
          id={`entry-${e.badge}`}
          className={`mx-entry ${chosen.includes(e.badge) ? 'mx-entry--on' : ''}`}
          onClick={() => toggle(e.badge)}
        >
          <Text className='mx-badge'>{e.badge}号</Text>
          <View className='mx-entry__body'>
            <Text className='mx-text'>
              {e.nickname} · {e.birthYear} 年 · {e.sector}
              {chosen.includes(e.badge) ? ' ♥' : ''}
            </Text>
            <Text className='muted'>{e.intro}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}

/** Her choice (kept on the phone until the deadline) and its submission as K tokens, with the results opt-in. */
function usePicks(dir: DirectoryDTO) {
  const [chosen, setChosen] = useState<number[]>(() => storedChoice(dir.mixerId))
  const [sent, setSent] = useState(false)
  const [noticeText, setNoticeText] = useState('')
  useEffect(() => setChosen(storedChoice(dir.mixerId)), [dir.mixerId])
  const toggle = (badge: number) =>
    setChosen((c) => (c.includes(badge) ? c.filter((b) => b !== badge) : c.length < dir.k ? [...c, badge] : c))
  const submit = useAction(async () => {
    const keys = storedKeys(dir.mixerId)
    if (!keys || keys.publicKey !== dir.me.publicKey) throw new Refusal(ERROR_MESSAGES.KEY_LOCKED)
    const refusal = choiceRefusal(dir, chosen)
    if (refusal) throw new Refusal(ERROR_MESSAGES[refusal])
    const picked = chosen.map((b) => dir.others.find((e) => e.badge === b)!.publicKey)
    const tokens = await makeSubmission(dir.mixerId, keys, picked, dir.k)
    if (!tokens) throw new Refusal('所选的人中有无法选择的号码，请去掉后重试')
    await call('matchmaking', 'submitPicks', { mixerId: dir.mixerId, tokens }, { loadingText: '正在提交' })
    storeChoice(dir.mixerId, chosen)
    if (!sent) setNoticeText((await requestNotices('matchmaking', ['match'], '“匹配结果”页')).message)
    setSent(true)
  })
  return { chosen, toggle, sent, noticeText, submit }
}

function Picker({ dir }: { dir: DirectoryDTO }) {
  const { chosen, toggle, sent, noticeText, submit } = usePicks(dir)
  return (
    <View>
      <View className='card'>
        <Text className='card__title'>
          我是 {dir.me.badge}号 · 最多选 {dir.k} 位
        </Text>
        <Text className='muted'>
          {formatTime(dir.pickClosesAt)} 前可随时修改。您的选择在本机加密后提交，只有双方互选才会告知双方，其他任何人都看不到。
        </Text>
      </View>
      <Directory dir={dir} chosen={chosen} toggle={toggle} />
      {submit.error && (
        <Text id='pick-error' className='error-text'>
          {submit.error}
        </Text>
      )}
      {sent && !submit.error && (
        <View id='pick-sent' className='mx-result mx-result--ok'>
          已提交（已选 {chosen.length} 位）。{formatTime(dir.pickClosesAt)} 公布结果。{noticeText}
        </View>
      )}
      <BigButton id='submit-picks' loading={submit.busy} onClick={() => void submit.run()}>
        提交我的选择（已选 {chosen.length} / {dir.k}）
      </BigButton>
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
        {(d) => <Picker dir={d} />}
      </RemoteView>
      <SubscribeSheet />
    </PageFrame>
  )
}
