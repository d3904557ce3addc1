/**
 * `npm run bench:vouchers`: the claim rush of issue 9 through the local function
 * host. 3,000 distinct verified members fire `claim` at the release instant for
 * 500 vouchers (1 each); prints claims/s and latency p50/p95/p99 next to 3,000
 * no-op calls measured the same way in the same run, the oversell count, and the
 * database calls a claim costs (counted by the emulator). Not a test: it prints.
 *
 * The host accepts only the demo identities, so the bench registers thin
 * wrappers that take the caller from a bench-only `as` field and rebuild the
 * invocation exactly as the host does (identity in the per-call context).
 */
import { batchingLine, coldWarm, countOne, pct, profiled, runBench, startBenchStack } from './bench-stack'
import { EventEmitter } from 'node:events'
import { Agent, request } from 'node:http'
import { randomUUID } from 'node:crypto'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { Db } from '../../cloudfunctions/common/db'
import { readAll } from '../../cloudfunctions/common/paginate'
import { createVouchersFunction } from '../../cloudfunctions/vouchers/index'
import type { PoolDoc, VoucherDoc } from '../../cloudfunctions/vouchers/vouchers.docs'
import type { CampaignInputDTO } from '~types/vouchers'
import type { FunctionMain } from '../host/functions'

EventEmitter.defaultMaxListeners = 6000

const MEMBERS = Number(process.env.BENCH_MEMBERS || 3000)
const VOUCHERS = 500

async function seedMembers(db: Db, n: number, prefix: string): Promise<string[]> {
  const ids = Array.from({ length: n }, (_x, i) => `${prefix}-${i}`)
  for (let i = 0; i < ids.length; i += 200) {
    const batch = ids.slice(i, i + 200).map((openid, j) => ({ openid, cardNo: `${prefix.toUpperCase()}${String(i + j).padStart(8, '0')}` }))
    await db.collection(COLLECTIONS.roster).add(
      batch.map(({ openid, cardNo }) => ({
        _id: cardNo,
        cardNo,
        name: '测试会员',
        phone: '13900000000',
        branch: '南京市总工会机关工会',
        tags: [],
        gender: 'M',
        birthDate: '1985-03-08',
        boundOpenid: openid,
        importedAt: 0,
        updatedAt: 0,
      })),
    )
    await db.collection(COLLECTIONS.users).add(
      batch.map(({ openid, cardNo }) => ({
        _id: openid,
        rosterId: cardNo,
        verifiedAt: 1,
        roles: [],
        deletionRequestedAt: null,
        createdAt: 0,
        updatedAt: 0,
      })),
    )
  }
  return ids
}

// 3,000 sockets at once overflow the host's listen backlog (ECONNRESET): a keep-alive pool of 512 queues the rest
// client-side, in the latency.
const agent = new Agent({ keepAlive: true, maxSockets: 512 })

function post(url: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (c) => (text += c))
        res.on('end', () => resolve(text))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

async function fire(url: string, calls: { as: string; action: string; data: unknown }[], inFlight = calls.length) {
  const t0 = performance.now()
  const out: { ms: number; code: string; id?: string }[] = []
  let next = 0
  const one = async (c: { as: string; action: string; data: unknown }) => {
    const s = performance.now()
    const text = await post(
      url,
      JSON.stringify({ action: c.action, data: { as: c.as, data: c.data }, requestId: randomUUID(), attempt: 1 }),
    )
    const body = JSON.parse(text) as { ok: boolean; code?: string; data?: { id?: string } }
    return { ms: performance.now() - s, code: body.ok ? 'OK' : (body.code ?? '?'), id: body.data?.id }
  }
  await Promise.all(
    Array.from({ length: Math.min(inFlight, calls.length) }, async () => {
      while (next < calls.length) out.push(await one(calls[next++]))
    }),
  )
  const wall = performance.now() - t0
  const ms = out.map((o) => o.ms).sort((a, b) => a - b)
  const codes: Record<string, number> = {}
  for (const o of out) codes[o.code] = (codes[o.code] ?? 0) + 1
  return { wall, codes, p50: pct(ms, 50), p95: pct(ms, 95), p99: pct(ms, 99) }
}

function campaign(now: number, total: number): CampaignInputDTO {
  return {
    name: '职工消费券 满50减40',
    funderName: '南京市总工会',
    rule: { kind: 'threshold', thresholdFen: 5000, amountFen: 4000 },
    perMember: 1,
    totalVouchers: total,
    budgetFen: total * 4000,
    claimStartsAt: now,
    claimEndsAt: now + 86_400_000,
    useStartsAt: now,
    useEndsAt: now + 7 * 86_400_000,
    mode: 'first_come',
    audience: { tagsAny: [], branches: [] },
    merchantIds: ['bench-mall'],
    modelWorkerBonus: null,
    reverseWindowMinutes: 60,
    remindDaysBefore: 1,
  }
}

async function main() {
  const stack = await startBenchStack('vouchers', () => ({ vouchers: createVouchersFunction() as FunctionMain }))
  const { db, emulator } = stack
  const url = stack.url('vouchers')
  try {
    const members = await seedMembers(db, MEMBERS, 'rush')
    const [solo] = await seedMembers(db, 2, 'solo')
    await db.collection(COLLECTIONS.users).add({
      _id: 'bench-officer',
      rosterId: null,
      verifiedAt: null,
      roles: [{ role: 'officer' }],
      deletionRequestedAt: null,
      createdAt: 0,
      updatedAt: 0,
    })
    await db.collection(COLLECTIONS.voucherMerchants).add({
      _id: 'bench-mall',
      name: '南京新百（新街口店）',
      address: '南京市秦淮区中山南路1号',
      category: '商场',
      suspended: false,
      createdAt: 0,
      updatedAt: 0,
    })
    const make = async (total: number) => {
      const r = await fire(url, [{ as: 'bench-officer', action: 'createCampaign', data: campaign(Date.now() - 1000, total) }])
      if (r.codes.OK !== 1) throw new Error(`createCampaign: ${JSON.stringify(r.codes)}`)
      const rows = (await db.collection(COLLECTIONS.voucherCampaigns).where({ totalVouchers: total }).get()).data as { _id: string }[]
      return rows[0]._id
    }
    // What one claim costs, alone: a winning one, then a losing one on a campaign already gone.
    const one = await make(1)
    const calls = async (as: string, campaignId: string) => {
      await emulator.resetRequests()
      await fire(url, [{ as, action: 'claim', data: { campaignId } }])
      return (await emulator.requests()).total
    }
    const winning = await calls(solo, one)
    const losing = await calls('solo-1', one)
    const rushId = await make(VOUCHERS)

    const base = await profiled('vouchers-noop', () =>
      fire(
        `${stack.url('noop')}`,
        members.map((as) => ({ as, action: 'ping', data: {} })),
      ),
    )
    await emulator.resetRequests()
    const rush = await profiled('vouchers-rush', () =>
      fire(
        url,
        members.map((as) => ({ as, action: 'claim', data: { campaignId: rushId } })),
      ),
    )
    const counts = await emulator.requests()
    const dbCalls = counts.total
    const { vs, oversell, doubles, stranded } = await books(db, rushId)
    const perInstance = await onePerInstance(stack, make, one)

    const row = (label: string, r: typeof rush, ok: number) =>
      `${label.padEnd(24)} ${String(Math.round((ok / r.wall) * 1000)).padStart(7)}/s  p50 ${r.p50.toFixed(0).padStart(5)} ms  p95 ${r.p95.toFixed(0).padStart(5)} ms  p99 ${r.p99.toFixed(0).padStart(5)} ms  wall ${r.wall.toFixed(0)} ms`
    console.log(`claim rush: ${MEMBERS} concurrent claims for ${VOUCHERS} vouchers (1 each) through the local host`)
    console.log(row('no-op call (calls/s)', base, MEMBERS))
    console.log(row('claim (requests/s)', rush, MEMBERS))
    console.log(row('claim (claims/s)', rush, rush.codes.OK ?? 0))
    console.log(`outcomes: ${JSON.stringify(rush.codes)}`)
    console.log(`claimed: ${vs.length}`)
    console.log(`oversell: ${oversell}  (counts ${stranded} stranded pending claim(s): a place taken, never confirmed)`)
    console.log(`members with two: ${doubles}`)
    console.log(`db calls/request (claim): ${(dbCalls / MEMBERS).toFixed(1)}`)
    console.log(`db calls in the rush by action: ${JSON.stringify(counts.byAction)}; by collection: ${JSON.stringify(counts.byCollection)}`)
    console.log(`db calls/request (winning claim): ${winning}`)
    console.log(`db calls/request (losing claim): ${losing}`)
    const ratio = MEMBERS / rush.wall / (MEMBERS / base.wall)
    console.log(`throughput vs no-op: ${ratio.toFixed(2)}`)
    console.log(batchingLine('shared'))
    printPerInstance(perInstance)
    const mark = (ok: boolean) => (ok ? '✔' : '✘')
    console.log(
      `budget: claimed = ${VOUCHERS} ${mark(vs.length === VOUCHERS)}, oversell = 0 ${mark(oversell === 0)}, every request answered (no INTERNAL) ${mark(!rush.codes.INTERNAL)}, throughput ≥ 0.3 ${mark(ratio >= 0.3)}`,
    )
    if (vs.length !== VOUCHERS || oversell || doubles || rush.codes.INTERNAL) process.exitCode = 1
  } finally {
    agent.destroy()
    await stack.stop()
  }
}

/** What the books say after a rush: stranded `pending` claims (a place taken, never confirmed) count as oversell. */
async function books(db: Db, campaignId: string, total = VOUCHERS) {
  const all = await readAll<VoucherDoc>(db.collection(COLLECTIONS.vouchers).where({ campaignId }))
  const vs = all.filter((v) => v.status !== 'pending')
  const stranded = all.length - vs.length
  const [pool] = (await db.collection(COLLECTIONS.voucherPools).where({ campaignId }).get()).data as PoolDoc[]
  const oversell = Math.max(0, vs.length - total) + Math.max(0, -pool.left) + Math.max(0, -pool.budgetLeft) + stranded
  return { vs, oversell, doubles: vs.length - new Set(vs.map((v) => v.openid)).size, stranded }
}

const WARM_IN_FLIGHT = Number(process.env.BENCH_WARM_IN_FLIGHT || 50)

/** Issue 17 §2, §6: a second cohort claims a second campaign through the one-call-per-instance host, then single claims cold and warm. */
async function onePerInstance(stack: Awaited<ReturnType<typeof startBenchStack>>, make: (n: number) => Promise<string>, soldOut: string) {
  const { db, emulator } = stack
  const cohort = await seedMembers(db, MEMBERS, 'warm')
  const singles = await seedMembers(db, 15, 'single')
  const id = await make(VOUCHERS + 7) // a size no other campaign has: `make` finds it by its total
  await emulator.resetRequests()
  const rush = await fire(
    stack.url('vouchers', 'warm'),
    cohort.map((as) => ({ as, action: 'claim', data: { campaignId: id } })),
    WARM_IN_FLIGHT,
  )
  const rushAvg = (await emulator.requests()).total / MEMBERS
  const check = await books(db, id, VOUCHERS + 7)
  const wide = await make(50)
  const claim = (as: string, campaignId: string) => ({ as, action: 'claim', data: { campaignId } })
  // warm: the instance served a claim of that campaign just before, as in a rush
  const warmUp = (as: (i: number) => string, campaignId: string) => async (i: number) =>
    void (i % 2 && (await countOne(stack, stack.url('vouchers', 'warm'), claim(as(i), campaignId))))
  const lose = await coldWarm(stack, 'vouchers', (i) => claim(singles[i], soldOut), { before: warmUp(() => singles[6], soldOut) })
  const win = await coldWarm(stack, 'vouchers', (i) => claim(singles[6 + i], wide), {
    before: warmUp((i) => singles[12 + (i - 1) / 2], wide),
  })
  return { rush, rushAvg, check, lose, win }
}

function printPerInstance(p: Awaited<ReturnType<typeof onePerInstance>>): void {
  console.log(batchingLine('warm'))
  console.log(
    `db calls/request (rush average, one call per instance): ${p.rushAvg.toFixed(2)}  (${WARM_IN_FLIGHT} instances, outcomes ${JSON.stringify(p.rush.codes)})`,
  )
  console.log(
    `  one-per-instance campaign: claimed ${p.check.vs.length}, oversell ${p.check.oversell} (stranded pending ${p.check.stranded}), members with two ${p.check.doubles}`,
  )
  console.log(`db calls/request (winning claim): cold ${p.win.cold}, warm ${p.win.warm}  (median of 3 each; ${p.win.codes.join(' ')})`)
  console.log(`db calls/request (losing claim): cold ${p.lose.cold}, warm ${p.lose.warm}  (median of 3 each; ${p.lose.codes.join(' ')})`)
  const mark = (ok: boolean) => (ok ? '✔' : '✘')
  console.log(`budget (issue 17 §4, warm): winning claim ≤ 5 ${mark(p.win.warm <= 5)}, refused claim 1 ${mark(p.lose.warm <= 1)}`)
  console.log(`  (refused claim: her roster record and her voucher; see docs/capacity.md for why not 1)`)
}

runBench(main)
