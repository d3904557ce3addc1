/**
 * `npm run bench:booking`: the 10:00 release rush of issue 4 through the local
 * function host. 2,000 distinct eligible women fire `book` at the release
 * instant for the 152 places of the first round; prints bookings/s, latency
 * p50/p95/p99 and the oversell count, next to 2,000 no-op calls measured the
 * same way in the same run (at most BENCH_IN_FLIGHT, 400, open at once). Not a test: it prints, it does not assert.
 *
 * The host accepts only the demo identities, so the bench registers thin
 * wrappers that take the caller from a bench-only `as` field and rebuild the
 * invocation exactly as the host does (identity in the per-call context).
 */
import { batchingLine, coldWarm, countOne, pct, profiled, runBench, startBenchStack } from './bench-stack'
import { EventEmitter } from 'node:events'
import { randomUUID } from 'node:crypto'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { Db } from '../../cloudfunctions/common/db'
import { FULL_MEMORY_MS } from '../../cloudfunctions/common/instance-cache'
import { programmeDocs, saveProgramme } from '../../cloudfunctions/screening/programme.service'
import { createScreeningFunction } from '../../cloudfunctions/screening/index'
import type { FunctionMain } from '../host/functions'
import { firstRound } from '../seed/screening.seed'

EventEmitter.defaultMaxListeners = 4000 // thousands of concurrent SDK calls share keep-alive sockets

const WOMEN = Number(process.env.BENCH_WOMEN || 2000)
const PROG = 'liangai-2027-r1'

/** Women for one rush, and a few more for the single measured requests. */
async function seedWomen(db: Db, prefix = 'bench', extra = 2): Promise<string[]> {
  const ids = Array.from({ length: WOMEN + extra }, (_x, i) => `${prefix}-${i}`)
  for (let i = 0; i < ids.length; i += 200) {
    const batch = ids.slice(i, i + 200).map((openid, j) => ({ openid, cardNo: `${prefix}${String(i + j).padStart(8, '0')}` }))
    await db.collection(COLLECTIONS.roster).add(
      batch.map(({ openid, cardNo }) => ({
        _id: cardNo,
        cardNo,
        name: '测试会员',
        phone: '13900000000',
        branch: '快递行业工会',
        tags: ['新就业形态'],
        gender: 'F',
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

/** At most this many requests open at once: beyond the host's listen backlog (511) connections are reset, not queued. */
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT || 400)

async function fire(url: string, calls: { as: string; action: string; data: unknown }[], inFlight = IN_FLIGHT) {
  const t0 = performance.now()
  const out: { ms: number; code: string }[] = []
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(inFlight, calls.length) }, async () => {
      while (next < calls.length) {
        const c = calls[next++]
        const s = performance.now()
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ action: c.action, data: { as: c.as, data: c.data }, requestId: randomUUID(), attempt: 1 }),
        })
        const body = (await res.json()) as { ok: boolean; code?: string }
        out.push({ ms: performance.now() - s, code: body.ok ? 'OK' : (body.code ?? '?') })
      }
    }),
  )
  const wall = performance.now() - t0
  const ms = out.map((o) => o.ms).sort((a, b) => a - b)
  const codes: Record<string, number> = {}
  for (const o of out) codes[o.code] = (codes[o.code] ?? 0) + 1
  return { wall, codes, p50: pct(ms, 50), p95: pct(ms, 95), p99: pct(ms, 99) }
}

async function oversell(db: Db, programmeId = PROG): Promise<{ overCapacity: number; doubleBooked: number; booked: number }> {
  const sessions = (await db.collection(COLLECTIONS.screeningSessions).where({ programmeId }).limit(1000).get()).data as {
    _id: string
    capacity: number
    left: number
  }[]
  const booked: { openid: string; sessionId: string }[] = []
  for (let skip = 0; ; skip += 1000) {
    const page = (await db.collection(COLLECTIONS.screeningBookings).where({ programmeId, status: 'booked' }).skip(skip).limit(1000).get())
      .data as never[]
    booked.push(...page)
    if (page.length < 1000) break
  }
  const overCapacity = sessions.reduce(
    (n, s) => n + Math.max(0, booked.filter((b) => b.sessionId === s._id).length - s.capacity) + Math.max(0, -s.left),
    0,
  )
  const doubleBooked = booked.length - new Set(booked.map((b) => b.openid)).size
  return { overCapacity, doubleBooked, booked: booked.length }
}

async function main() {
  const stack = await startBenchStack('booking', () => ({ screening: createScreeningFunction() as FunctionMain }))
  const { db, emulator } = stack
  try {
    const women = await seedWomen(db)
    const releaseAt = Date.now() + 3000
    await saveProgramme(db, programmeDocs({ ...firstRound(Date.now()), releaseAt, priority: null }, Date.now(), 'bench'))
    const sessions = (
      (await db.collection(COLLECTIONS.screeningSessions).where({ programmeId: PROG }).limit(1000).get()).data as { _id: string }[]
    ).map((s) => s._id)
    const [extraWin, extraLose] = women.splice(WOMEN, 2)
    const consentVersion = firstRound(0).privacyNotice.version
    const base = await profiled('booking-noop', () =>
      fire(
        `${stack.url('noop')}`,
        women.map((as) => ({ as, action: 'ping', data: {} })),
      ),
    )
    await new Promise((r) => setTimeout(r, Math.max(0, releaseAt - Date.now())))
    await emulator.resetRequests()
    const rush = await profiled('booking-rush', () =>
      fire(
        `${stack.url('screening')}`,
        women.map((as, i) => ({
          as,
          action: 'book',
          data: { programmeId: PROG, sessionId: sessions[i % sessions.length], consentVersion },
        })),
      ),
    )
    const rushCounts = await emulator.requests()
    const rushCalls = rushCounts.total
    if (process.env.BENCH_VERBOSE) console.log(JSON.stringify(rushCounts, null, 1))
    const check = await oversell(db)
    // Single requests on the warm instance, each counted alone: one that wins a place freed by a cancel, one that loses.
    // the latest session: far from its cancel deadline
    const latest = (
      (await db.collection(COLLECTIONS.screeningSessions).where({ programmeId: PROG }).orderBy('startAt', 'desc').limit(1).get()).data as {
        _id: string
      }[]
    )[0]
    const winner = (
      (await db.collection(COLLECTIONS.screeningBookings).where({ sessionId: latest._id, status: 'booked' }).limit(1).get()).data as {
        openid: string
        sessionId: string
      }[]
    )[0]
    const cancelled = await fire(`${stack.url('screening')}`, [{ as: winner.openid, action: 'cancel', data: { programmeId: PROG } }])
    if (!cancelled.codes.OK) console.log(`(cancel to free a place for the winning measurement: ${JSON.stringify(cancelled.codes)})`)
    const counted = async (as: string, sessionId: string) => {
      await emulator.resetRequests()
      const r = await fire(`${stack.url('screening')}`, [{ as, action: 'book', data: { programmeId: PROG, sessionId, consentVersion } }])
      return { code: Object.keys(r.codes)[0], calls: await emulator.requests() }
    }
    const win = await counted(extraWin, winner.sessionId)
    const lose = await counted(extraLose, winner.sessionId)
    const perInstance = await onePerInstance(stack, winner.sessionId, consentVersion)
    const row = (label: string, r: typeof rush, ok: number) =>
      `${label.padEnd(22)} ${String(Math.round((ok / r.wall) * 1000)).padStart(7)}/s  p50 ${r.p50.toFixed(0).padStart(5)} ms  p95 ${r.p95.toFixed(0).padStart(5)} ms  p99 ${r.p99.toFixed(0).padStart(5)} ms  wall ${r.wall.toFixed(0)} ms`
    console.log(`release rush: ${WOMEN} concurrent book requests for 152 places (${sessions.length} sessions) through the local host`)
    console.log(row('no-op call (calls/s)', base, WOMEN))
    console.log(row('book (requests/s)', rush, WOMEN))
    console.log(row('book (bookings/s)', rush, rush.codes.OK ?? 0))
    console.log(`outcomes: ${JSON.stringify(rush.codes)}`)
    console.log(`bookings stored: ${check.booked}  oversell count: ${check.overCapacity}  women with two bookings: ${check.doubleBooked}`)
    const mark = (ok: boolean) => (ok ? '✔' : '✘')
    const ratio = base.wall / rush.wall // the same number of calls each: the ratio of their rates
    console.log(`db calls/request (winning booking): ${win.calls.total}`)
    console.log(`db calls/request (losing booking): ${lose.calls.total}`)
    console.log(`db calls/request (rush average): ${(rushCalls / WOMEN).toFixed(2)}`)
    console.log(`throughput vs no-op: ${ratio.toFixed(2)}`)
    console.log(batchingLine('shared'))
    printPerInstance(perInstance)
    if (process.env.BENCH_VERBOSE) console.log(JSON.stringify({ win, lose }, null, 1))
    // The router reads her roster record (auth 'member', one call); a winning tap on a session this instance saw open
    // claims at once, a losing one on a session it saw full reads her history only (test/integration/screening-calls.test.ts).
    // The shared instance's single winning tap finds a session it has not seen since the rush: it reads its places.
    const winOk = win.code === 'OK' && win.calls.total <= 5
    const loseOk = lose.code === 'SLOT_FULL' && lose.calls.total <= 2
    console.log(
      `budget: winning booking ≤ 5 calls (${win.code}) ${mark(winOk)}, losing ≤ 2 (${lose.code}) ${mark(loseOk)}, throughput ≥ 0.3× no-op ${mark(ratio >= 0.3)}`,
    )
    console.log(
      `budget: bookings = 152 ${mark(check.booked === 152)}, oversell = 0 ${mark(check.overCapacity === 0)}, two bookings = 0 ${mark(check.doubleBooked === 0)}`,
    )
    console.log(`budget: every request answered definitively (no INTERNAL) ${mark(!rush.codes.INTERNAL)}`)
    if (check.booked !== 152 || check.overCapacity || check.doubleBooked || rush.codes.INTERNAL) process.exitCode = 1
  } finally {
    await stack.stop()
  }
}

/** Extra women for the single measured calls on their own instances, cold and warm (and the warm ones' warm-ups). */
const SINGLES = 6
const WARM_UPS = 3
const PROG_WARM = `${PROG}-one-per-instance`
const WARM_IN_FLIGHT = Number(process.env.BENCH_WARM_IN_FLIGHT || 50)

/**
 * Issue 17 §2, §6: what CloudBase pays, each call on an instance of its own. A second cohort rushes a
 * second copy of the round through the `warm` host (at most BENCH_WARM_IN_FLIGHT instances, each
 * serving one call at a time), then single winning and losing bookings are counted cold and warm.
 */
async function onePerInstance(stack: Awaited<ReturnType<typeof startBenchStack>>, fullSession: string, consentVersion: string) {
  const { db, emulator } = stack
  const cohort = await seedWomen(db, 'warm', SINGLES * 2 + WARM_UPS)
  const singles = cohort.splice(WOMEN, SINGLES * 2 + WARM_UPS)
  const warmUps = singles.splice(SINGLES * 2, WARM_UPS)
  await saveProgramme(
    db,
    programmeDocs({ ...firstRound(Date.now()), id: PROG_WARM, releaseAt: Date.now() - 1000, priority: null }, Date.now(), 'bench'),
  )
  const sessions = (
    (await db.collection(COLLECTIONS.screeningSessions).where({ programmeId: PROG_WARM }).limit(1000).get()).data as { _id: string }[]
  ).map((s) => s._id)
  await emulator.resetRequests()
  const rush = await fire(
    stack.url('screening', 'warm'),
    cohort.map((as, i) => ({
      as,
      action: 'book',
      data: { programmeId: PROG_WARM, sessionId: sessions[i % sessions.length], consentVersion },
    })),
    WARM_IN_FLIGHT,
  )
  const rushAvg = (await emulator.requests()).total / WOMEN
  const check = await oversell(db, PROG_WARM)
  // The rush's instances remember full sessions for FULL_MEMORY_MS; the places the measurements free below are given
  // back through another host (the shared one), which those instances offer once their memory lapses (docs/capacity.md).
  await new Promise((r) => setTimeout(r, FULL_MEMORY_MS))
  const book = (as: string, sessionId: string) => ({ as, action: 'book', data: { programmeId: PROG, sessionId, consentVersion } })
  // warm: the instance served a tap on that session just before (as in a rush), not seconds before, which its memory outlives
  const lose = await coldWarm(stack, 'screening', (i) => book(singles[i], fullSession), {
    before: async (i) => void (i % 2 && (await countOne(stack, stack.url('screening', 'warm'), book(singles[SINGLES], fullSession)))),
  })
  // A winning booking needs a free place each time: a booked woman of the warm round cancels first.
  // ...in the latest sessions, far from their cancel deadline.
  const latest = (
    (await db.collection(COLLECTIONS.screeningSessions).where({ programmeId: PROG_WARM }).orderBy('startAt', 'desc').limit(3).get())
      .data as { _id: string }[]
  ).map((x) => x._id)
  const booked = (
    await db
      .collection(COLLECTIONS.screeningBookings)
      .where({ sessionId: db.command.in(latest), status: 'booked' })
      .limit(100)
      .get()
  ).data as { openid: string; sessionId: string }[]
  const holders = booked.slice(0, SINGLES)
  // A warm measurement's instance served a booking in the same session just before, as in a rush: it freed a second place.
  const others = booked.slice(SINGLES)
  // A warm measurement's places are given back through its own instance, which then offers them at once (docs/capacity.md).
  const cancel = async (openid: string, mode: 'shared' | 'warm' = 'shared') =>
    void (await fetch(stack.url('screening', mode), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'cancel', data: { as: openid, data: { programmeId: PROG_WARM } } }),
    }))
  const win = await coldWarm(
    stack,
    'screening',
    (i) => ({
      ...book(singles[SINGLES + i], holders[i].sessionId),
      data: { programmeId: PROG_WARM, sessionId: holders[i].sessionId, consentVersion },
    }),
    {
      before: async (i) => {
        if (i % 2 === 0) return cancel(holders[i].openid) // cold: a fresh instance each time
        await cancel(holders[i].openid, 'warm')
        const other = others.find((o) => o.sessionId === holders[i].sessionId && !o.openid.startsWith('done:'))!
        await cancel(other.openid, 'warm')
        other.openid = `done:${other.openid}`
        const w = warmUps[(i - 1) / 2]
        await countOne(stack, stack.url('screening', 'warm'), {
          as: w,
          action: 'book',
          data: { programmeId: PROG_WARM, sessionId: holders[i].sessionId, consentVersion },
        })
      },
    },
  )
  return { rush, rushAvg, check, lose, win }
}

function printPerInstance(p: Awaited<ReturnType<typeof onePerInstance>>): void {
  console.log(batchingLine('warm'))
  console.log(
    `db calls/request (rush average, one call per instance): ${p.rushAvg.toFixed(2)}  (${WARM_IN_FLIGHT} instances, outcomes ${JSON.stringify(p.rush.codes)})`,
  )
  console.log(
    `  one-per-instance round: bookings ${p.check.booked}, oversell ${p.check.overCapacity}, two bookings ${p.check.doubleBooked}`,
  )
  console.log(
    `db calls/request (winning booking): cold ${p.win.cold}, warm ${p.win.warm}  (median of 3 each; ${p.win.codes.join(' ')}; warm: the instance served a booking in that session just before)`,
  )
  console.log(`db calls/request (losing booking): cold ${p.lose.cold}, warm ${p.lose.warm}  (median of 3 each; ${p.lose.codes.join(' ')})`)
  const mark = (ok: boolean) => (ok ? '✔' : '✘')
  console.log(`budget (issue 17 §4, warm): winning booking ≤ 4 ${mark(p.win.warm <= 4)}, refused booking 1 ${mark(p.lose.warm <= 1)}`)
  console.log(`  (refused booking: her roster record and her history; see docs/capacity.md for why not 1)`)
}

runBench(main)
