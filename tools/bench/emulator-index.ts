/**
 * `npm run bench:emulator`: what one emulator call costs, and whether a read
 * by an indexed field stays flat as the collection grows (issue 7 §5: within
 * 1.5× from 1,000 to 100,000 documents). The query is the stamp card's
 * `where({eventId, openid}).get()` on `event_stamps`, declared in
 * cloudfunctions/common/indexes.ts; each visitor holds 30 stamps at both sizes,
 * so only the collection size changes. The same run without indexes shows the
 * scan it replaces. Prints, does not assert.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { connectDb, type Db } from '../../cloudfunctions/common/db'
import type { IndexDeclarations } from '../../cloudfunctions/common/indexes'
import { type RunningEmulator, startEmulator } from '../emulator/server'

process.env.TENCENTCLOUD ??= 'true' // skip the SDK's metadata probe: pointless with serviceUrl (see tools/start.ts)

const STAMPS_PER_VISITOR = 30
const SAMPLES = Number(process.env.BENCH_SAMPLES || 400)
const COLL = COLLECTIONS.eventStamps

async function fill(db: Db, from: number, to: number): Promise<void> {
  for (let i = from; i < to; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, to - i) }, (_x, j) => {
      const n = i + j
      return {
        eventId: 'fair-2026',
        openid: `visitor-${Math.floor(n / STAMPS_PER_VISITOR)}`,
        boothId: `booth-${n % 50}`,
        zoneId: `z${n % 5}`,
        stampedAt: 1_767_000_000_000 + n,
      }
    })
    await db.collection(COLL).add(batch)
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

/** Median ms of sequential calls, after a warm-up. */
async function time(call: (i: number) => Promise<unknown>, samples = SAMPLES): Promise<number> {
  for (let i = 0; i < 30; i++) await call(i)
  const ms: number[] = []
  for (let i = 0; i < samples; i++) {
    const t = performance.now()
    await call(i)
    ms.push(performance.now() - t)
  }
  return median(ms)
}

async function withEmulator<T>(indexes: IndexDeclarations | undefined, run: (db: Db, emu: RunningEmulator) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-emulator-'))
  const emu = await startEmulator({ dataDir: dir, quiet: true, indexes, maxJournalBytes: 256 * 1024 * 1024 })
  try {
    return await run(connectDb(emu.url), emu)
  } finally {
    await emu.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function sizes(indexes: IndexDeclarations | undefined, label: string): Promise<number> {
  return withEmulator(indexes, async (db, emu) => {
    const card = (visitors: number) => (i: number) =>
      db
        .collection(COLL)
        .where({ eventId: 'fair-2026', openid: `visitor-${(i * 7919) % visitors}` })
        .limit(100)
        .get()
    await fill(db, 0, 1_000)
    const small = await time(card(1_000 / STAMPS_PER_VISITOR))
    await fill(db, 1_000, 100_000)
    const large = await time(card(100_000 / STAMPS_PER_VISITOR), indexes ? SAMPLES : 60)
    emu.resetRequests()
    await card(100)(1)
    const calls = emu.requests().total
    console.log(`${label}: get by (eventId, openid), 1,000 docs: ${small.toFixed(2)} ms; 100,000 docs: ${large.toFixed(2)} ms`)
    console.log(`db calls/request (stamp card read): ${calls}`)
    return large / small
  })
}

async function main(): Promise<void> {
  const roundTrip = await withEmulator(undefined, async (db) => {
    await db.collection(COLL).add({ _id: 'one', eventId: 'x', openid: 'y' })
    const get = await time(() => db.collection(COLL).doc('one').get())
    const update = await time((i) =>
      db
        .collection(COLL)
        .where({ _id: 'one', n: db.command.neq(-1) })
        .update({ n: i }),
    )
    const add = await time((i) => db.collection(COLL).add({ eventId: 'x', openid: `add-${i}` }))
    return { get, update, add }
  })
  console.log(
    `SDK round trip, median: doc().get() ${roundTrip.get.toFixed(2)} ms; conditional update ${roundTrip.update.toFixed(2)} ms; add ${roundTrip.add.toFixed(2)} ms`,
  )
  const ratio = await sizes(undefined, 'declared indexes')
  const scan = await sizes({}, 'no indexes (scan)')
  console.log(`scan ratio 100k/1k: ${scan.toFixed(2)}`)
  console.log(`index ratio 100k/1k: ${ratio.toFixed(2)} (budget ≤ 1.5)`)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
