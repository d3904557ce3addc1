import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ContactKind, MatchDTO } from '~types/matchmaking'
import { noticeStateLabel } from '~types/notices'
import { BigButton } from '~src/components/big-button'
import { Field } from '~src/components/field'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { Refusal, useAction } from '~src/hooks/use-action'
import { useParams } from '~src/hooks/use-params'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { confirmDialog } from '~src/services/dialog'
import '~src/packages/matchmaking/styles.css'

const KIND_TEXT: Record<ContactKind, string> = { wechat: '微信号', phone: '手机号' }

interface MatchProps {
  m: MatchDTO
  onChange: (m: MatchDTO) => void
}

/** Her contact, offered to this match (shown to the other only once both offered). */
function OfferForm({ m, onChange }: MatchProps) {
  const [kind, setKind] = useState<ContactKind>('wechat')
  const [value, setValue] = useState('')
  const offer = useAction(async () => {
    if (!value.trim()) throw new Refusal(`请填写${KIND_TEXT[kind]}`)
    onChange(await call('matchmaking', 'offerContact', { matchId: m.id, kind, value: value.trim() }))
  })
  return (
    <View>
      <Text className='muted'>双方都留下联系方式后才会互相显示。</Text>
      <View className='mx-chips'>
        {(['wechat', 'phone'] as const).map((k) => (
          <View key={k} id={`kind-${m.badge}-${k}`} className={`mx-chip ${k === kind ? 'mx-chip--on' : ''}`} onClick={() => setKind(k)}>
            {KIND_TEXT[k]}
          </View>
        ))}
      </View>
      <Field id={`contact-${m.badge}`} label={`我的${KIND_TEXT[kind]}`} value={value} onInput={setValue} />
      {offer.error && <Text className='error-text'>{offer.error}</Text>}
      <BigButton id={`offer-${m.badge}`} loading={offer.busy} onClick={() => void offer.run()}>
        留下联系方式
      </BigButton>
    </View>
  )
}

/** Ending a match takes the exchanged contacts from both phones, for good: asked first, naming that. */
function sureToEnd(m: MatchDTO, block: boolean): Promise<boolean> {
  const gone = '结束后，双方都将看不到已交换的联系方式，且不能恢复。'
  return confirmDialog(
    block
      ? {
          title: `屏蔽 ${m.badge}号？`,
          content: `${gone}以后的联谊活动也不会再与对方配对。`,
          confirmText: '屏蔽',
          cancelText: '再想想',
          danger: true,
        }
      : { title: `不再与 ${m.badge}号 联系？`, content: gone, confirmText: '不再联系', cancelText: '再想想', danger: true },
  )
}

function EndButtons({ m, onChange }: MatchProps) {
  const end = useAction(async (block: boolean) => onChange(await call('matchmaking', 'endMatch', { matchId: m.id, block })), {
    ask: (block) => sureToEnd(m, block),
  })
  return (
    <View>
      {end.error && <Text className='error-text'>{end.error}</Text>}
      <BigButton id={`decline-${m.badge}`} variant='secondary' onClick={() => void end.run(false)}>
        不再联系
      </BigButton>
      <BigButton id={`block-${m.badge}`} variant='danger' onClick={() => void end.run(true)}>
        屏蔽对方
      </BigButton>
    </View>
  )
}

function Match({ m, onChange }: MatchProps) {
  return (
    <View id={`match-${m.badge}`} className='card'>
      <Text className='card__title'>
        ♥ {m.badge}号 · {m.nickname}
      </Text>
      <Text className='muted'>
        {m.birthYear} 年 · {m.sector} · {m.intro}
      </Text>
      {m.state === 'ended' && (
        <Text id={`ended-${m.badge}`} className='mx-text'>
          联系已结束。
        </Text>
      )}
      {m.state === 'exchanged' && m.theirContact && (
        <View id={`their-contact-${m.badge}`} className='mx-result mx-result--ok'>
          对方的{KIND_TEXT[m.theirContact.kind]}：{m.theirContact.value}
        </View>
      )}
      {m.myContact && m.state !== 'ended' && (
        <Text className='mx-text'>
          我留下的{KIND_TEXT[m.myContact.kind]}：{m.myContact.value}
          {m.state === 'waiting' ? '（对方也留下联系方式后，双方才能看到）' : ''}
        </Text>
      )}
      {m.state === 'open' && <OfferForm m={m} onChange={onChange} />}
      {m.state !== 'ended' && <EndButtons m={m} onChange={onChange} />}
    </View>
  )
}

/** Her matchmaking notices (the kit's outbox entries), each with where its delivery through WeChat stands. */
function MyNotices() {
  const notices = useRemote((silent) => call('matchmaking', 'myNotices', {}, { silent }))
  if ((notices.data ?? []).length === 0) return null
  return (
    <View id='my-notices' className='card'>
      <Text className='card__title'>通知记录</Text>
      {notices.data!.map((n) => (
        <View key={n.id} className='row'>
          <Text>
            {n.title}：{n.fields.map((f) => f.value).join('，')}
          </Text>
          <Text className='muted notice-state'>{noticeStateLabel(n)}</Text>
        </View>
      ))}
    </View>
  )
}

/** My mutual matches only; nothing about one-sided picks, not even a count. */
export default function MatchesPage() {
  const { id = '' } = useParams()
  const res = useRemote((silent) => call('matchmaking', 'myMatches', { mixerId: id }, { silent }), [id])
  return (
    <PageFrame className='matchmaking'>
      <RemoteView remote={res}>
        {(r) => {
          if (!r.published)
            return (
              <View id='not-published' className='mx-result mx-result--info'>
                心动选择截止后公布结果，届时会通知您。
              </View>
            )
          if (r.matches.length === 0)
            return (
              <View id='no-match' className='mx-result mx-result--info'>
                这次没有互相选中的人。缘分还在路上，期待下次相遇。
              </View>
            )
          return (
            <View>
              {r.matches.map((m) => (
                <Match
                  key={m.id}
                  m={m}
                  onChange={(next) => res.setData({ ...r, matches: r.matches.map((x) => (x.id === next.id ? next : x)) })}
                />
              ))}
            </View>
          )
        }}
      </RemoteView>
      <MyNotices />
    </PageFrame>
  )
}
