import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { noticeStateLabel, noticeStateTone } from '~types/notices'
import type { OutboxNoticeDTO } from '~types/screening'
import { NoticeBanner } from '~src/components/notice-banner'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { useParams } from '~src/hooks/use-params'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { isDemoLogin } from '~src/services/demo-session'
import { formatDateTime } from '~src/utils/datetime'
import '~src/packages/screening/styles.css'

/** A notice as WeChat shows it, with where its delivery stands; a tap opens the page it points to, as the message would. */
function Notice({ n }: { n: OutboxNoticeDTO }) {
  const open = () => Taro.navigateTo({ url: n.page.startsWith('/') ? n.page : `/${n.page}` }).catch(() => undefined)
  return (
    <View id={`notice-${n.id}`} className={`card outbox-item outbox-item--${n.kind}`} hoverClass='sc-pressed' onClick={open}>
      <Text className='card__title'>{n.title}</Text>
      {n.fields.map((f) => (
        <View key={f.label} className='row'>
          <Text className='row__label'>{f.label}</Text>
          <Text>{f.value}</Text>
        </View>
      ))}
      <Text className='sc-sub'>
        {formatDateTime(n.createdAt)} · 发给 {n.to}
      </Text>
      <Text className={`${TAG_CLASS[noticeStateTone(n.state)]} notice-state`}>{noticeStateLabel(n)}</Text>
    </View>
  )
}

const TAG_CLASS = { ok: 'sc-tag sc-tag--ok', pending: 'sc-tag', warn: 'sc-tag sc-tag--warn' } as const

export default function OutboxPage() {
  const all = useParams().all === '1'
  // Her own notices; with ?all=1 an officer's view of everyone's (the server refuses anyone else).
  const list = useRemote((silent) => call('screening', all ? 'allNotices' : 'myNotices', {}, { silent }))
  return (
    <PageFrame>
      <Text className='sc-title'>通知记录</Text>
      {isDemoLogin && (
        <NoticeBanner text='本地演示：这里列出通过微信订阅消息发出的通知及其送达状态（送达的消息见“我的 › 微信通知”）。结果通知只说明“结果已出”，不含任何健康信息。' />
      )}
      <RemoteView id='outbox-list' remote={list} isEmpty={(d) => d.length === 0} emptyText='还没有通知'>
        {(notices) => notices.map((n) => <Notice key={n.id} n={n} />)}
      </RemoteView>
    </PageFrame>
  )
}
