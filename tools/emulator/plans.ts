/**
 * CloudBase plan quotas the emulator and the host can keep (issue 17 §1), one
 * place for every figure and where it is written. Limits are OFF unless asked
 * for: `EMULATOR_PLAN=basic|pro|flagship`, or explicit figures
 * (`EMULATOR_DB_QPS`, `EMULATOR_DB_CONNECTIONS`, `EMULATOR_DB_READS_PER_DAY`,
 * `EMULATOR_DB_WRITES_PER_DAY`, `EMULATOR_FN_CONCURRENCY`, `EMULATOR_DOC_WRITE_MS`),
 * which override the plan's.
 */
export interface PlanLimits {
  /** Database requests admitted per second, the whole environment. */
  dbQps?: number
  /** Database requests in flight at once ("同时连接数"). */
  dbConnections?: number
  /** Reads (get/count/aggregate) per natural day, Asia/Shanghai. */
  readsPerDay?: number
  /** Writes (add/update/remove) per natural day, Asia/Shanghai. */
  writesPerDay?: number
  /** Requests in flight per function (the host keeps this one). */
  functionConcurrency?: number
  /** Not a quota: milliseconds each write to ONE document holds it (hot-document serialisation, §5). */
  docWriteMs?: number
}

export interface Plan extends PlanLimits {
  name: string
  label: string
  /** Monthly price in yuan as listed, for "the cheapest plan that holds it"; order of plans is by price. */
  rank: number
  source: string
  /** false: a figure we could not read at its source; kept so the planner can run, said in docs/capacity.md. */
  verified: boolean
}

const QUOTA_PAGE = 'https://developers.weixin.qq.com/miniprogram/dev/wxcloud/basis/concepts/quota.html'
const FN_CONCURRENCY_ANSWER = 'https://developers.weixin.qq.com/community/minihome/doc/000408efdd83f0324dfc908fe51400'

export const PLANS: Record<string, Plan> = {
  basic: {
    name: 'basic',
    label: '基础版',
    rank: 1,
    dbQps: 30,
    dbConnections: 20,
    readsPerDay: 50_000,
    writesPerDay: 30_000,
    functionConcurrency: 20,
    source: `${QUOTA_PAGE} (数据库 QPS 30, 同时连接数 20, 读 5 万/天, 写 3 万/天; 单个云函数并发 20)`,
    verified: true,
  },
  // The per-plan table (基础版 1 … 企业版 1) is published on the billing pages; the database rows of the
  // paid columns could not be read at their source when this was written (docs/capacity.md says so).
  pro: {
    name: 'pro',
    label: '专业版',
    rank: 2,
    dbQps: 300,
    dbConnections: 100,
    readsPerDay: 500_000,
    writesPerDay: 300_000,
    functionConcurrency: 1000,
    source: `${QUOTA_PAGE} (paid columns, unverified); function concurrency 1000: ${FN_CONCURRENCY_ANSWER}`,
    verified: false,
  },
  flagship: {
    name: 'flagship',
    label: '旗舰版',
    rank: 3,
    dbQps: 1000,
    dbConnections: 500,
    readsPerDay: 5_000_000,
    writesPerDay: 3_000_000,
    functionConcurrency: 1000,
    source: `${QUOTA_PAGE} (paid columns, unverified); function concurrency 1000: ${FN_CONCURRENCY_ANSWER}`,
    verified: false,
  },
}

const ENV_FIGURES: Record<keyof PlanLimits, string> = {
  dbQps: 'EMULATOR_DB_QPS',
  dbConnections: 'EMULATOR_DB_CONNECTIONS',
  readsPerDay: 'EMULATOR_DB_READS_PER_DAY',
  writesPerDay: 'EMULATOR_DB_WRITES_PER_DAY',
  functionConcurrency: 'EMULATOR_FN_CONCURRENCY',
  docWriteMs: 'EMULATOR_DOC_WRITE_MS',
}

/** The plan's figures plus explicit ones; undefined when nothing was asked for (limits off). */
export function limitsFromEnv(env: Record<string, string | undefined> = process.env): PlanLimits | undefined {
  const name = env.EMULATOR_PLAN
  if (name && !PLANS[name]) throw new Error(`EMULATOR_PLAN must be one of ${Object.keys(PLANS).join(', ')}, got ${JSON.stringify(name)}`)
  const out: PlanLimits = name ? planLimits(PLANS[name]) : {}
  for (const [key, variable] of Object.entries(ENV_FIGURES) as [keyof PlanLimits, string][]) {
    const v = env[variable]
    if (v === undefined || v === '') continue
    const n = Number(v)
    if (!Number.isFinite(n) || n < 0) throw new Error(`${variable} must be a non-negative number, got ${JSON.stringify(v)}`)
    out[key] = n
  }
  return Object.keys(out).length ? out : undefined
}

/** Only the figures of a plan (what the emulator and host keep). */
export function planLimits(plan: Plan): PlanLimits {
  const { dbQps, dbConnections, readsPerDay, writesPerDay, functionConcurrency, docWriteMs } = plan
  return { dbQps, dbConnections, readsPerDay, writesPerDay, functionConcurrency, docWriteMs }
}
