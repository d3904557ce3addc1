import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { BoothCodeDTO } from '../../../../../types/events'
import { BigButton } from '../../../../components/big-button'
import { StateView } from '../../../../components/state-view'
import { call, messageOf } from '../../../../services/api'
import { QrImage } from '../../../../components/qr-image'
import { useParams } from '../../lib/page-params'
import { useRemote } from '../../lib/use-remote'
import '../../styles.css'
import './index.css'

/** A4 sheets of booth codes, two per row; the QR holds the printed code itself. */
export default function BoothCodes() {
  const { id = '' } = useParams()
  const { data, setData, error, reload } = useRemote(() => call('events', 'boothCodes', { eventId: id }, { idempotent: true }))
  const [err, setErr] = useState('')
  const reissue = async (c: BoothCodeDTO) => {
    const sure = await Taro.showModal({ title: '重新生成展位码', content: `「${c.boothName}」的旧码将立即失效，需要重新打印张贴。确定吗？` })
    if (!sure.confirm || !data) return
    try {
      const next = await call('events', 'reissueBoothCode', { eventId: id, boothId: c.boothId }, { idempotent: true, loadingText: '正在生成' })
      setData({ ...data, codes: data.codes.map((x) => (x.boothId === next.boothId ? next : x)) })
    } catch (e) {
      setErr(messageOf(e))
    }
  }
  if (!data) return <View className='page'><StateView state={error ? 'error' : 'loading'} message={error || undefined} onRetry={() => void reload()} /></View>
  return (
    <View className='page booth-codes'>
      <View className='no-print'>
        <Text className='ev-title'>{data.eventTitle} · 共 {data.codes.length} 个展位</Text>
        {process.env.TARO_ENV === 'h5' && <BigButton id='print-codes' onClick={() => window.print()}>打印（A4）</BigButton>}
        {err && <Text className='error-text'>{err}</Text>}
      </View>
      {data.codes.length === 0 && <StateView state='empty' message='本活动还没有展位' />}
      <View className='booth-sheet'>
        {data.codes.map((c) => (
          <View key={c.boothId} id={`booth-${c.boothId}`} className='booth-qr'>
            <QrImage text={c.code} size='print' />
            <Text className='booth-qr__name'>{c.boothName}</Text>
            <Text className='booth-qr__meta'>{c.zoneName} · {c.exhibitor}</Text>
            <Text className='booth-qr__meta'>微信扫码集章 · 第 {c.version} 版</Text>
            <View className='booth-qr__reissue no-print' onClick={() => void reissue(c)}>旧码泄露？重新生成</View>
          </View>
        ))}
      </View>
    </View>
  )
}
