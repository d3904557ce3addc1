/**
 * `npm run seed` and `npm start` (on an empty store): a believable union for the
 * demo. Idempotent: deterministic ids, every step inserts only what is missing,
 * so running it twice changes nothing (and never undoes what the demo did).
 */
import type { Db } from '../../cloudfunctions/common/db'
import { seedDemoAccounts } from './accounts.seed'
import { seedRoster, seedUnions } from './roster.seed'
import { CITY_FEDERATION, DISTRICTS, grassrootsUnits } from './union-structure'
import { seedEvents } from './events.seed'
import { seedScreening } from './screening.seed'
import { seedVouchers } from './vouchers.seed'
import { seedMatchmaking } from './matchmaking.seed'

export interface SeedStep {
  name: string
  /** Chinese label for the summary. */
  label: string
  /** Returns how many documents it inserted. */
  run(db: Db, now: number): Promise<number | void>
}

export interface SeedSummary {
  steps: { name: string; label: string; inserted: number | null }[]
}

const MEMBER_STEPS: SeedStep[] = [
  { name: 'unions', label: `工会组织：${CITY_FEDERATION} → 区总工会 → 基层工会`, run: seedUnions },
  {
    name: 'roster',
    label: `${CITY_FEDERATION}及 ${DISTRICTS.length} 个区级、${grassrootsUnits().length} 个基层工会的会员名册`,
    run: seedRoster,
  },
  { name: 'demo-accounts', label: '演示身份（认证与角色）', run: seedDemoAccounts },
]

/** Each service's seed (tools/seed/<service>.seed.ts), run in this order after the members it relies on. */
export const SERVICE_STEPS: SeedStep[] = [
  { name: 'events', label: '集章打卡 · 活动签到', run: seedEvents },
  { name: 'screening', label: '两癌筛查', run: seedScreening },
  { name: 'vouchers', label: '工会消费券（6 家合作商户、5 个批次）', run: seedVouchers },
  { name: 'matchmaking', label: '会聚良缘（秦淮区七夕联谊会 234 人、南京市全年 20 场）', run: seedMatchmaking },
]

/** The summary in words, one line per step, for `npm start` and `npm run seed`. */
export function summaryLines(summary: SeedSummary): string[] {
  return summary.steps.map(
    (s) => `  · ${s.label}：${s.inserted === null ? '完成' : s.inserted === 0 ? '已是最新，无需写入' : `新增 ${s.inserted} 条`}`,
  )
}

export async function seed(db: Db, now = Date.now()): Promise<SeedSummary> {
  const steps: SeedSummary['steps'] = []
  for (const step of [...MEMBER_STEPS, ...SERVICE_STEPS]) {
    const inserted = await step.run(db, now)
    steps.push({ name: step.name, label: step.label, inserted: typeof inserted === 'number' ? inserted : null })
  }
  return { steps }
}
