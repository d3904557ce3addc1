import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { BackLink } from '~src/components/back-link'
import { BigButton } from '~src/components/big-button'
import { NoticeBanner } from '~src/components/notice-banner'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { useRemote } from '~src/hooks/use-remote'
import { formatDateTime } from '~src/utils/datetime'
import { loadMessages, type MessageCard } from './messages'
import './index.css'

/** One message as the phone's 服务通知 shows it: title, time, keyword rows, 进入小程序查看. */
function Message({ m }: { m: MessageCard }) {
  return (
    <View className='card wx-msg' id={`wx-msg-${m.id}`}>
      <Text className='card__title'>{m.title}</Text>
      <Text className='muted'>{formatDateTime(m.at)}</Text>
      {m.rows.map((r) => (
        <View key={r.label} className='row wx-msg__row'>
          <Text className='row__label'>{r.label}</Text>
          <Text className='wx-msg__value'>{r.value}</Text>
        </View>
      ))}
      <View
        className='wx-msg__open'
        hoverClass='notice--pressed'
        onClick={() => void Taro.navigateTo({ url: m.url }).catch(() => undefined)}
      >
        <Text>进入小程序查看</Text>
        <Text>›</Text>
      </View>
    </View>
  )
}

/** The local demo's 微信通知 (H5 only): what the local WeChat delivered to her, as her phone would list it. */
export default function WechatMessagesPage() {
  const list = useRemote(() => loadMessages())
  return (
    <PageFrame className='wx-messages'>
      <Text className='card__title'>服务通知</Text>
      <NoticeBanner text='本地演示：这里是本地微信已送达给您的订阅消息，和手机上“服务通知”里看到的一样。' />
      <RemoteView
        id='wx-messages'
        remote={list}
        isEmpty={(d) => d.length === 0}
        emptyText='还没有收到通知。在预约、领券、报名时允许订阅，通知送达后会出现在这里。'
      >
        {(messages) => messages.map((m) => <Message key={m.id} m={m} />)}
      </RemoteView>
      <BigButton id='wx-refresh' variant='secondary' onClick={() => void list.reload()}>
        刷新
      </BigButton>
      <BackLink />
    </PageFrame>
  )
}
