import { Switch, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { APP_NAME, registerSheet, rejectAll, type Decisions, type SheetRequest } from './sheet-store'
import './index.css'

interface Pending extends SheetRequest {
  done: (d: Decisions) => void
}

type Toggles = Record<string, boolean>

function Choices({ req, on, setOn }: { req: Pending; on: Toggles; setOn: (t: Toggles) => void }) {
  return (
    <View>
      {req.templates.map((t) => (
        <View key={t.id} className='subscribe-sheet__row'>
          <Text className='subscribe-sheet__name'>{t.title}</Text>
          <Switch checked={on[t.id]} color='#07c160' onChange={(e) => setOn({ ...on, [t.id]: e.detail.value })} />
        </View>
      ))}
      {/* Off: a one-time subscription asks again at every tap, as WeChat does until she keeps her choice. */}
      <View className='subscribe-sheet__row'>
        <Text className='subscribe-sheet__keep'>总是保持以上选择，不再询问</Text>
        <Switch checked={false} disabled color='#07c160' />
      </View>
    </View>
  )
}

function Actions({ onCancel, onAllow }: { onCancel: () => void; onAllow: () => void }) {
  return (
    <View className='subscribe-sheet__actions'>
      <View id='subscribe-cancel' className='subscribe-sheet__btn' hoverClass='subscribe-sheet__btn--pressed' onClick={onCancel}>
        取消
      </View>
      <View
        id='subscribe-allow'
        className='subscribe-sheet__btn subscribe-sheet__btn--allow'
        hoverClass='subscribe-sheet__btn--pressed'
        onClick={onAllow}
      >
        允许
      </View>
    </View>
  )
}

/**
 * The H5 demo's look-alike of WeChat's subscribe dialog (wx.requestSubscribeMessage): the app's name, each template's
 * title with its switch (on, as WeChat shows them), 总是保持以上选择 (off), 取消 / 允许. Mount it on a page that asks
 * for opt-ins; src/services/subscribe.ts opens it (sheet-store.ts). Renders nothing in weapp.
 */
export function SubscribeSheet() {
  const [req, setReq] = useState<Pending | null>(null)
  const [on, setOn] = useState<Toggles>({})
  useEffect(
    () =>
      registerSheet((r, done) => {
        setOn(Object.fromEntries(r.templates.map((t) => [t.id, true])))
        setReq({ ...r, done })
      }),
    [],
  )
  if (process.env.TARO_ENV !== 'h5' || !req) return null
  const finish = (d: Decisions) => {
    setReq(null)
    req.done(d)
  }
  const allow = () => finish(Object.fromEntries(req.templates.map((t) => [t.id, on[t.id] ? 'accept' : 'reject'])))
  return (
    <View className='subscribe-sheet' id='subscribe-sheet'>
      <View className='subscribe-sheet__panel'>
        <Text className='subscribe-sheet__title'>{APP_NAME} 申请发送以下消息</Text>
        <Choices req={req} on={on} setOn={setOn} />
        <Actions onCancel={() => finish(rejectAll(req))} onAllow={allow} />
      </View>
    </View>
  )
}
