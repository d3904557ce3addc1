import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import type { ProfileTextDTO, ProfileTextField } from '~types/matchmaking'
import { BigButton } from '~src/components/big-button'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { Refusal, useAction } from '~src/hooks/use-action'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { formatDateTime } from '~src/utils/datetime'
import { notify } from '~src/services/notify'
import '~src/packages/matchmaking/styles.css'

const FIELD: Record<ProfileTextField, string> = { nickname: '昵称', intro: '自我介绍' }
/** What most held texts need (WeChat flags contact details and money talk); the officer may rewrite it. */
const DEFAULT_REASON = '请删除联系方式、广告或涉及钱款的内容'

function HeldText({ t, onDone }: { t: ProfileTextDTO; onDone: () => void }) {
  const [reason, setReason] = useState(DEFAULT_REASON)
  const act = useAction(async (approve: boolean) => {
    if (!approve && !reason.trim()) throw new Refusal('请写明需要修改的地方')
    await call('matchmaking', 'decideProfileText', approve ? { ref: t.ref, approve } : { ref: t.ref, approve, reason: reason.trim() })
    notify(approve ? '已通过' : '已退回')
    onDone()
  })
  return (
    <View id={`text-${t.ref}`} className='card'>
      <Text className='card__title'>
        {t.nickname}（{t.maskedName}）
      </Text>
      <Text className='muted'>
        {t.sector} · 提交于 {formatDateTime(t.at)} · 需审核：{t.fields.map((f) => FIELD[f]).join('、')}
      </Text>
      <Text className='mx-text'>昵称：{t.nickname}</Text>
      <Text className='mx-text'>自我介绍：{t.intro}</Text>
      <BigButton id={`approve-${t.ref}`} loading={act.busy} onClick={() => void act.run(true)}>
        通过
      </BigButton>
      <Text className='mx-text'>退回理由（会员在资料页看到）</Text>
      <Textarea className='mx-textarea' value={reason} maxlength={100} onInput={(e) => setReason(e.detail.value)} />
      <BigButton id={`return-${t.ref}`} variant='secondary' onClick={() => void act.run(false)}>
        退回修改
      </BigButton>
      {act.error && <Text className='error-text'>{act.error}</Text>}
    </View>
  )
}

/**
 * 资料审核: profile texts WeChat's content check asked a person to look at. Until approved the
 * member cannot sign up, so nobody else sees the text; 退回 tells her what to change.
 */
export default function ProfileTextsPage() {
  const list = useRemote((silent) => call('matchmaking', 'profileTexts', {}, { silent }))
  return (
    <PageFrame className='matchmaking'>
      <Text className='mx-title'>资料审核</Text>
      <Text className='muted'>微信内容安全检查认为需要人工确认的昵称和自我介绍。通过前，会员不能报名联谊活动。</Text>
      <RemoteView remote={list} isEmpty={(d) => d.length === 0} emptyText='暂无待审核的资料'>
        {(rows) => (
          <View>
            {rows.map((t) => (
              <HeldText key={t.ref} t={t} onDone={() => void list.reload()} />
            ))}
          </View>
        )}
      </RemoteView>
    </PageFrame>
  )
}
