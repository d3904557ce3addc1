/**
 * `npm run bench:city`: a city-wide voucher release on one stock document and on 8 shards
 * (issue 17 §5), with the emulator serialising writes to one document at a cost per write
 * (EMULATOR_DOC_WRITE_MS, here CITY_DOC_WRITE_MS, default 100 ms), as a real database does for a hot
 * document. Each claim is the kit's own: a claim-ledger entry with a deterministic id per member and
 * slot (so nobody holds more than PER_MEMBER), a take from the place store, confirm, settle.
 * Default 1,000 claims for 500 vouchers; the full 100,000 for 50,000 is
 * `CITY_CLAIMS=100000 CITY_DOC_WRITE_MS=40` (about 80 minutes here; docs/capacity.md has its figures).
 * Not a test: it prints, it does not assert.
 */
import { randomBytes } from 'node:crypto'
import { EventEmitter } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClaimLedger, type ClaimDoc } from '../../cloudfunctions/common/claim-ledger'
import { connectDb, type Db } from '../../cloudfunctions/common/db'
import { readAll } from '../../cloudfunctions/common/paginate'
import { createPlaceStore, type PlaceStore } from '../../cloudfunctions/common/place-store'
import { createShardedPlaceStore, createShards } from '../../cloudfunctions/common/sharded-place-store'
import { spawnEmulator } from '../emulator/spawn'
import { runBench } from './bench-stack'

EventEmitter.defaultMaxListeners = 5000 // hundreds of concurrent SDK calls share keep-alive sockets

const CLAIMS = Number(process.env.CITY_CLAIMS || 1_000)
const VOUCHERS = CLAIMS / 2
const PER_MEMBER = 2
const TAPS = 4 // each member taps four times: two get a voucher, two are refused by her own limit (or sold out)
const MEMBERS = CLAIMS / TAPS
const IN_FLIGHT = Number(process.env.CITY_IN_FLIGHT || 200)
const DOC_WRITE_MS = Number(process.env.CITY_DOC_WRITE_MS || 100)

interface Claim extends ClaimDoc {
  openid: string
  state: 'pending' | 'unused' | 'failed'
}

async function run(
  db: Db,
  label: string,
  shards: number,
): Promise<{ perSec: number; claimed: number; left: number; stranded: number; maxHeld: number }> {
  const collection = `city_stock_${label}`
  const claims = `city_claims_${label}`
  const docId = `camp-${label}`
  let store: PlaceStore & { left?(d: string): Promise<number> }
  if (shards === 1) {
    await db.collection(collection).add({ _id: docId, left: VOUCHERS, holders: {} })
    store = createPlaceStore(db, collection)
  } else {
    await createShards(db, collection, docId, VOUCHERS, shards)
    store = createShardedPlaceStore(db, collection, shards)
  }
  await db.createCollection(claims).catch(() => undefined)
  const ledger = createClaimLedger<Claim>(db, {
    collection: claims,
    stateField: 'state',
    pending: 'pending',
    failed: 'failed',
    reusable: ['failed'],
    holdsOf: (d) => [{ store, docId, key: d.claimId, holder: { o: d.openid }, refusal: 'SOLD_OUT', settle: true }],
    clock: Date.now,
  })
  const taps = Array.from({ length: CLAIMS }, (_x, i) => ({ openid: `m${i % MEMBERS}`, tap: Math.floor(i / MEMBERS) }))
  let next = 0
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < taps.length) {
        const { openid, tap } = taps[next++]
        const slot = tap % PER_MEMBER
        await ledger
          .claim(
            { _id: `${docId}:${openid}:${slot}`, claimId: `${openid}-${tap}`, pendingAt: Date.now(), openid, state: 'pending' },
            () => ({ state: 'unused' }),
          )
          .catch(() => undefined) // SOLD_OUT: the refusal is the answer
      }
    }),
  )
  const secs = (performance.now() - t0) / 1000
  const all = await readAll<Claim>(db.collection(claims).where({ state: db.command.neq('failed') }))
  const held = new Map<string, number>()
  for (const c of all) if (c.state === 'unused') held.set(c.openid, (held.get(c.openid) ?? 0) + 1)
  const claimed = [...held.values()].reduce((a, b) => a + b, 0)
  const left =
    shards === 1 ? ((await db.collection(collection).doc(docId).get()).data as { left: number }[])[0].left : await store.left!(docId)
  return {
    perSec: CLAIMS / secs,
    claimed,
    left,
    stranded: all.filter((c) => c.state === 'pending').length,
    maxHeld: Math.max(0, ...held.values()),
  }
}

async function main(): Promise<void> {
  // The SDK warns of every request over 3 s: with one hot document that is most of them, and the figures drown.
  const warn = console.warn
  console.warn = (...args: unknown[]) => void (String(args[0]).startsWith('[TCB][WARN]') ? undefined : warn(...args))
  process.env.TENCENTCLOUD ??= 'true'
  process.env.QR_KEYS ??= `c1:${randomBytes(32).toString('base64url')}`
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-city-'))
  const emu = await spawnEmulator({ dataDir, args: ['--max-journal-bytes', String(64 * 1024 * 1024)] })
  try {
    await fetch(emu.url.replace(/\/admin$/, '/_limits'), { method: 'POST', body: JSON.stringify({ limits: { docWriteMs: DOC_WRITE_MS } }) })
    const db = connectDb(emu.url)
    console.log(
      `city release: ${CLAIMS} claims for ${VOUCHERS} vouchers (${MEMBERS} members × ${TAPS} taps, ≤ ${PER_MEMBER} each), ` +
        `${IN_FLIGHT} in flight, the emulator serialising writes to one document at ${DOC_WRITE_MS} ms each`,
    )
    console.log('instances: the kit called directly (no function host); every claim pays its own calls')
    const one = await run(db, 's1', 1)
    const eight = await run(db, 's8', 8)
    console.log(`claims/s (1 shard): ${one.perSec.toFixed(0)}`)
    console.log(`claims/s (8 shards): ${eight.perSec.toFixed(0)}`)
    const gain = eight.perSec / one.perSec
    console.log(`shard gain: ${gain.toFixed(1)} (goal ≥ 5) ${gain >= 5 ? '✔' : '✘'}`)
    for (const [label, r] of [
      ['1 shard', one],
      ['8 shards', eight],
    ] as const) {
      const oversell = Math.max(0, r.claimed - VOUCHERS) + Math.max(0, -r.left) + r.stranded + Math.max(0, r.claimed + r.left - VOUCHERS)
      console.log(`${label}: claimed ${r.claimed}, left ${r.left}, stranded pending ${r.stranded} → oversell: ${oversell}`)
      console.log(
        `${label}: per-member limit held: ${r.maxHeld <= PER_MEMBER ? 'yes' : 'NO'} (most held by one member: ${r.maxHeld}, limit ${PER_MEMBER})`,
      )
    }
  } finally {
    await emu.kill('SIGTERM')
    rmSync(dataDir, { recursive: true, force: true })
  }
}

runBench(main)
