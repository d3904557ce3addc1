import { Text, View } from '@tarojs/components'
import { ERROR_MESSAGES } from '~types/errors'
import type { DashboardDTO } from '~types/events'
import { BigButton } from '~src/components/big-button'
import { ExportBox } from '~src/components/export-box'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { BarChart } from '~src/packages/events/components/bar-chart'
import { ScanLog } from '~src/packages/events/components/scan-log'
import { formatDateTime, formatTime } from '~src/utils/datetime'
import { useParams } from '~src/hooks/use-params'
import '~src/packages/events/styles.css'

export default function Dashboard() {
  const { id = '' } = useParams()
  const remote = useRemote((silent) => call('events', 'dashboard', { eventId: id }, { silent }), [id])
  const exportOf = (action: 'exportCheckIns' | 'exportRedemptions') => () =>
    call('events', action, { eventId: id }, { loadingText: '正在导出' })
  return (
    <PageFrame className='dashboard'>
      <RemoteView remote={remote}>{(data) => <Figures data={data} onRefresh={() => void remote.reload()} />}</RemoteView>
      <View className='card'>
        <Text className='card__title'>导出 CSV（Excel 可直接打开）</Text>
        <ExportBox id='export-checkins' label='导出签到记录' load={exportOf('exportCheckIns')} />
        <ExportBox id='export-redemptions' label='导出兑换记录' load={exportOf('exportRedemptions')} />
      </View>
      <ScanLog eventId={id} />
    </PageFrame>
  )
}

function Figures({ data, onRefresh }: { data: DashboardDTO; onRefresh: () => void }) {
  return (
    <View>
      <Text className='ev-title'>{data.title}</Text>
      <Text className='muted'>更新于 {formatDateTime(data.generatedAt)}</Text>
      <BigButton variant='secondary' onClick={onRefresh}>
        刷新
      </BigButton>
      <Totals totals={data.totals} />
      <Charts data={data} />
    </View>
  )
}

function Totals({ totals: t }: { totals: DashboardDTO['totals'] }) {
  return (
    <View id='dashboard-totals' className='card'>
      {[
        ['集章总数', t.stamps],
        ['集章人数', t.stampers],
        ['报名人数', t.signedUp],
        ['签到人次', t.checkedIn],
        ['已兑礼品', t.giftsRedeemed],
      ].map(([k, v]) => (
        <View key={k} className='row'>
          <Text className='row__label'>{k}</Text>
          <Text>{v}</Text>
        </View>
      ))}
    </View>
  )
}

function Charts({ data }: { data: DashboardDTO }) {
  return (
    <>
      <View className='card'>
        <Text className='card__title'>各展位集章数</Text>
        <BarChart idPrefix='booth-bar' bars={data.stampsPerBooth.map((b) => ({ key: b.boothId, label: b.name, value: b.stamps }))} />
      </View>
      <View className='card'>
        <Text className='card__title'>集章时段分布</Text>
        <BarChart
          bars={data.stampsOverTime.map((b) => ({ key: String(b.bucketStart), label: formatTime(b.bucketStart), value: b.stamps }))}
        />
      </View>
      <View className='card'>
        <Text className='card__title'>礼品剩余</Text>
        <BarChart
          idPrefix='gift-left'
          bars={data.gifts.map((g) => ({ key: g.tierId, label: `${g.name} ${g.gift}`, value: g.left, suffix: ` / ${g.stock}` }))}
        />
      </View>
      <View className='card'>
        <Text className='card__title'>各签到点签到人数</Text>
        <BarChart idPrefix='checkpoint-bar' bars={data.checkIns.map((c) => ({ key: c.checkpointId, label: c.name, value: c.checkedIn }))} />
      </View>
      <View className='card'>
        <Text className='card__title'>拒绝原因（供核查）</Text>
        <BarChart
          bars={data.refusals.map((r) => ({
            key: r.code,
            label: (ERROR_MESSAGES as Record<string, string>)[r.code] ?? (r.code === 'ALREADY' ? '重复扫码' : r.code),
            value: r.count,
          }))}
          empty='没有被拒绝的扫码'
        />
      </View>
    </>
  )
}
