import { call } from '../api'

export interface Figure {
  key: string
  label: string
  value: number | null
  unit: string
}

/**
 * 首页's figures, each from an officer action that exists today, read side by side. One that fails (a
 * service down, an action her role lacks) shows as — instead of blanking the page.
 */
export async function loadFigures(): Promise<Figure[]> {
  const reads: [string, string, string, () => Promise<number>][] = [
    ['roster', '会员名册', '人', async () => (await call('member', 'listRoster', { page: 0, pageSize: 1 })).total],
    ['deletions', '待处理删除申请', '件', async () => (await call('member', 'listDeletionRequests', { status: 'open' })).length],
    ['events', '进行中的活动', '场', async () => (await call('events', 'listEvents', {})).events.length],
    ['screening', '两癌筛查项目', '个', async () => (await call('screening', 'officerProgrammes', {})).length],
    ['vouchers', '消费券活动', '个', async () => (await call('vouchers', 'listCampaigns', {})).length],
    ['matchmaking', '联谊活动', '场', async () => (await call('matchmaking', 'officerMixers', {})).length],
  ]
  const settled = await Promise.allSettled(reads.map(([, , , read]) => read()))
  return reads.map(([key, label, unit], i) => {
    const r = settled[i]
    return { key, label, unit, value: r.status === 'fulfilled' ? r.value : null }
  })
}
