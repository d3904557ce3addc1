import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ERROR_MESSAGES } from '../../../../../types/errors'
import type { CsvExportDTO } from '../../../../../types/events'
import { BigButton } from '../../../../components/big-button'
import { StateView } from '../../../../components/state-view'
import { call, messageOf } from '../../../../services/api'
import { BarChart } from '../../components/bar-chart'
import { ScanLog } from '../../components/scan-log'
import { formatDateTime, formatTime } from '../../lib/event-format'
import { exportText } from '../../lib/export-text'
import { useParams } from '../../lib/page-params'
import { useRemote } from '../../lib/use-remote'
import '../../styles.css'

export default function Dashboard() {
  const { id = '' } = useParams()
  const { data, error, reload } = useRemote(() => call('events', 'dashboard', { eventId: id }, { idempotent: true }))
  const [csv, setCsv] = useState<CsvExportDTO | null>(null)
  const [note, setNote] = useState('')
  const download = async (action: 'exportCheckIns' | 'exportRedemptions') => {
    setNote('')
    try {
      const file = await call('events', action, { eventId: id }, { idempotent: true, loadingText: '正在导出' })
      setCsv(file)
      const how = await exportText(file.filename, file.csv.replace(/^\ufeff/, ''))
      setNote(how === 'copied' ? `已复制 ${file.rows} 行到剪贴板` : `已下载 ${file.filename}（${file.rows} 行）`)
    } catch (e) {
      setNote(messageOf(e))
    }
  }
  if (!data) return <View className='page'><StateView state={error ? 'error' : 'loading'} message={error || undefined} onRetry={() => void reload()} /></View>
  const t = data.totals
  return (
    <View className='page dashboard'>
      <Text className='ev-title'>{data.title}</Text>
      <Text className='muted'>更新于 {formatDateTime(data.generatedAt)}</Text>
      <BigButton variant='secondary' onClick={() => void reload()}>刷新</BigButton>
      <View id='dashboard-totals' className='card'>
        {[['集章总数', t.stamps], ['集章人数', t.stampers], ['报名人数', t.signedUp], ['签到人次', t.checkedIn], ['已兑礼品', t.giftsRedeemed]].map(([k, v]) => (
          <View key={k} className='row'><Text className='row__label'>{k}</Text><Text>{v}</Text></View>
        ))}
      </View>
      <View className='card'>
        <Text className='card__title'>各展位集章数</Text>
        <BarChart idPrefix='booth-bar' bars={data.stampsPerBooth.map((b) => ({ key: b.boothId, label: b.name, value: b.stamps }))} />
      </View>
      <View className='card'>
        <Text className='card__title'>集章时段分布</Text>
        <BarChart bars={data.stampsOverTime.map((b) => ({ key: String(b.bucketStart), label: formatTime(b.bucketStart), value: b.stamps }))} />
      </View>
      <View className='card'>
        <Text className='card__title'>礼品剩余</Text>
        <BarChart idPrefix='gift-left' bars={data.gifts.map((g) => ({ key: g.tierId, label: `${g.name} ${g.gift}`, value: g.left, suffix: ` / ${g.stock}` }))} />
      </View>
      <View className='card'>
        <Text className='card__title'>各签到点签到人数</Text>
        <BarChart idPrefix='checkpoint-bar' bars={data.checkIns.map((c) => ({ key: c.checkpointId, label: c.name, value: c.checkedIn }))} />
      </View>
      <View className='card'>
        <Text className='card__title'>拒绝原因（供核查）</Text>
        <BarChart bars={data.refusals.map((r) => ({ key: r.code, label: (ERROR_MESSAGES as Record<string, string>)[r.code] ?? (r.code === 'ALREADY' ? '重复扫码' : r.code), value: r.count }))} empty='没有被拒绝的扫码' />
      </View>
      <View className='card'>
        <Text className='card__title'>导出 CSV</Text>
        <BigButton id='export-checkins' variant='secondary' onClick={() => void download('exportCheckIns')}>导出签到记录</BigButton>
        <BigButton id='export-redemptions' variant='secondary' onClick={() => void download('exportRedemptions')}>导出兑换记录</BigButton>
        {note && <Text className='muted'>{note}</Text>}
        {csv && <Text id='csv-text' className='ev-csv' userSelect>{csv.csv.replace(/^\ufeff/, '')}</Text>}
      </View>
      <ScanLog eventId={id} />
    </View>
  )
}
