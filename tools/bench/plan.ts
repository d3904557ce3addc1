/**
 * `npm run plan`: the capacity planner for the union's IT (issue 17 §7). Each scenario runs against
 * the emulator in each plan's limits, measured, not computed (tools/bench/plan-harness.ts); one line
 * per scenario and plan, then the cheapest plan that holds it (every member answered definitively,
 * nothing lost or doubled, no INTERNAL, the day's quota enough at full size).
 * `PLAN_ONLY=screening,fair` and `PLAN_PLANS=basic,pro` pick; `PLAN_SCALE` scales every population.
 * Not a test: it prints. docs/capacity.md holds the table and what to do with it.
 */
import { EventEmitter } from 'node:events'
import { PLANS } from '../emulator/plans'
import { runBench } from './bench-stack'
import { formatLine, holds, runScenario } from './plan-harness'
import { scenarios } from './plan-scenarios'

EventEmitter.defaultMaxListeners = 10_000

const pick = (v: string | undefined) => (v ? new Set(v.split(',').map((x) => x.trim())) : undefined)

async function main(): Promise<void> {
  const only = pick(process.env.PLAN_ONLY)
  const planNames = pick(process.env.PLAN_PLANS)
  const plans = Object.values(PLANS)
    .filter((p) => !planNames || planNames.has(p.name))
    .sort((a, b) => a.rank - b.rank)
  console.log('instances: one call per instance (warm), no batching across calls (as CloudBase runs a function)')
  for (const p of plans)
    console.log(
      `plan ${p.name} (${p.label}): ${JSON.stringify({ dbQps: p.dbQps, dbConnections: p.dbConnections, readsPerDay: p.readsPerDay, writesPerDay: p.writesPerDay, functionConcurrency: p.functionConcurrency })}${p.verified ? '' : ' (figures unverified, see docs/capacity.md)'}`,
    )
  for (const s of scenarios().filter((x) => !only || only.has(x.name))) {
    console.log(`\n${s.name}: ${s.describe}`)
    let cheapest: string | undefined
    for (const p of plans) {
      const line = await runScenario(s, p)
      console.log(formatLine(line))
      if (line.phases.length > 1) console.log(`  phases: ${line.phases.map((x, i) => `${x.name ?? i + 1} ${x.s.toFixed(1)} s`).join(', ')}`)
      if (line.note) console.log(`  ${line.note}`)
      if (process.env.PLAN_VERBOSE) console.log(`  outcomes ${JSON.stringify(line.codes)}`)
      if (!cheapest && holds(line)) cheapest = `${p.name} (${p.label})`
    }
    console.log(`cheapest plan that holds ${s.name}: ${cheapest ?? 'none of those measured'}`)
  }
}

runBench(main)
