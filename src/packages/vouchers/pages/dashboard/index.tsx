import { Text, View } from '@tarojs/components'
import type { DashboardDTO, DrawDTO } from '~types/vouchers'
import { BigButton } from '~src/components/big-button'
import { ExportBox } from '~src/components/export-box'
import { NoticeBanner } from '~src/components/notice-banner'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { useAction } from '~src/hooks/use-action'
import { useParams } from '~src/hooks/use-params'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { formatDateTime } from '~src/utils/datetime'
import { BarList } from '~src/packages/vouchers/components/bar-list'
import { yuan } from '~src/packages/vouchers/lib/money'
import '~src/packages/vouchers/styles.css'

/** The counts, and the budget split into deducted, reserved by unused vouchers, and still to give out. */
function BudgetCard({ x }: { x: DashboardDTO }) {
  return (
    <View className='card'>
      <Text id='dash-counts' className='vc-line'>
        已领 {x.claimed} · 已核销 {x.redeemed} · 已撤销 {x.reversed} · 已过期 {x.expired} · 剩余 {x.vouchersLeft} 张
      </Text>
      <BarList
        idPrefix='dash-budget'
        rows={[
          { key: 'used', label: '已抵扣', value: x.usedFen, text: yuan(x.usedFen) },
          { key: 'reserved', label: '已领未用（预留）', value: x.reservedFen, text: yuan(x.reservedFen) },
          { key: 'left', label: '可再发放', value: x.leftFen, text: yuan(x.leftFen) },
        ]}
      />
      <Text className='vc-small'>总预算 {yuan(x.budgetFen)}</Text>
    </View>
  )
}

/** Per merchant, per branch (the first 20) and per day. */
function Breakdowns({ x }: { x: DashboardDTO }) {
  return (
    <>
      <View className='card'>
        <Text className='card__title'>按商户（核销笔数）</Text>
        <BarList
          idPrefix='dash-merchant'
          rows={x.byMerchant.map((m) => ({
            key: m.merchantId,
            label: m.name,
            value: m.redeemed,
            text: `${m.redeemed} · ${yuan(m.unionFen)}`,
          }))}
        />
      </View>
      <View className='card'>
        <Text className='card__title'>按基层工会（领取）</Text>
        <BarList
          idPrefix='dash-branch'
          rows={x.byBranch
            .slice(0, 20)
            .map((b) => ({ key: b.branch, label: b.branch, value: b.claimed, text: `${b.claimed} / 用 ${b.redeemed}` }))}
        />
      </View>
      <View className='card'>
        <Text className='card__title'>按日（领取）</Text>
        <BarList
          idPrefix='dash-day'
          rows={x.byDay.map((b) => ({
            key: b.date,
            label: b.date.slice(5),
            value: b.claimed,
            text: `${b.claimed} / 用 ${b.redeemed}`,
          }))}
        />
      </View>
    </>
  )
}

/** A drawn lottery's seed and entries digest, so anyone can re-run the draw and check it. */
function DrawCard({ draw }: { draw: DrawDTO }) {
  return (
    <View className='card'>
      <Text className='vc-line'>
        已开奖：{draw.entrants} 人报名，{draw.winners} 人中签
      </Text>
      <Text className='vc-small' style={{ wordBreak: 'break-all' }}>
        种子 {draw.seed} · 名单摘要 {draw.entriesDigest}
      </Text>
    </View>
  )
}

/** A 抽签 still open: who has entered so far, when it is drawn, and the officer's 开奖 once it is due. */
function OpenDraw({ x, busy, onDraw }: { x: DashboardDTO; busy: boolean; onDraw: () => void }) {
  const due = x.drawAt !== null && Date.now() >= x.drawAt
  return (
    <View className='card'>
      <Text id='dash-entrants' className='vc-line'>
        抽签报名中：已报名 {x.entrants} 人
      </Text>
      <Text className='vc-small'>开奖时间 {x.drawAt ? formatDateTime(x.drawAt) : '—'}</Text>
      {due && (
        <BigButton id='dash-draw' variant='secondary' loading={busy} onClick={onDraw}>
          开奖
        </BigButton>
      )}
    </View>
  )
}

/** A campaign's figures: claimed / redeemed / reversed, budget used and left, per merchant, branch and day. */
export default function Dashboard() {
  const { id = '' } = useParams()
  const d = useRemote((silent) => call('vouchers', 'dashboard', { campaignId: id }, { silent }), [id])
  const draw = useAction(async () => {
    await call('vouchers', 'draw', { campaignId: id }, { loadingText: '正在开奖' })
    await d.reload()
  })
  const exportCsv = async () => {
    const f = await call('vouchers', 'exportCampaign', { campaignId: id })
    return { ...f, rows: f.csv.split('\r\n').length - 2 }
  }
  return (
    <PageFrame className='vouchers-dashboard'>
      <Text className='vc-title'>批次数据</Text>
      {draw.error && <NoticeBanner tone='warn' text={draw.error} />}
      <RemoteView remote={d}>
        {(x) => (
          <View>
            <BudgetCard x={x} />
            <Breakdowns x={x} />
            {x.draw && <DrawCard draw={x.draw} />}
            {x.entrants !== null && <OpenDraw x={x} busy={draw.busy} onDraw={() => void draw.run()} />}
            <ExportBox id='dash-export' label='导出核销流水 CSV' load={exportCsv} />
          </View>
        )}
      </RemoteView>
    </PageFrame>
  )
}
