import { randomUUID } from 'node:crypto'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { readAll } from '../../cloudfunctions/common/paginate'
import { beijingDate } from '../../cloudfunctions/common/time'
import type { RedemptionRowDoc, VoucherDoc } from '../../cloudfunctions/vouchers/vouchers.docs'
import type { Envelope } from '~types/envelope'
import type { RedemptionRowDTO, StatementDTO } from '~types/vouchers'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { type HostProcess, spawnHost } from '../support/host-process'
import { seedMembers, seedRole } from './screening.fixtures'
import { budgetBooks, campaignInput, codeOf, HOUR, merchant, setUpOfficer, staffScope, vouchersHarness } from './vouchers-fixtures'

/**
 * Issue 15: the function HOST is SIGKILLed in the middle of a till's burst of redemptions while the
 * database stays up, so calls die wherever they happened to be (before their marker, after it, after the
 * voucher's update, after the statement row, after the money went back) and their tills get no answer.
 * After a restart, every same-id retry answers the redemption at once (never CONFLICT, never an expired
 * code or 已核销 for its own redemption), a call that had answered gets the identical answer, and once the
 * timer has finished what the dead calls left, each voucher is redeemed once and the books are exact.
 *
 * The calls go over HTTP to tools/host/cli.ts in its own process (the cashier is the demo identity
 * `demo-cashier`, accepted in X-Demo-Openid outside production), on the real clock; the set-up and the
 * timer run in this process against the same emulator.
 */
jest.setTimeout(180_000)

const N = 60
const CASHIER = 'demo-cashier'
/**
 * A retry that waited for its dead call's marker would answer CONFLICT after the kit's 8 s wait (the marker turns
 * stale only after 25 s); ok sooner, it was answered from what that call left. Each takes under 2 s here.
 */
const AT_ONCE_MS = 5_000
/**
 * The tills' calls start this far apart, and the kill comes once this many have answered and vouchers have been
 * updated this many times (each redemption makes one or two updates): some calls have answered, others are cut
 * off at every step, the last are not sent yet.
 */
const APART_MS = 10
const KILL_AFTER_ANSWERS = 4
const KILL_AFTER_UPDATES = 30

let emu: TestEmulator | null = null
const hosts: HostProcess[] = []
/** The in-process function for the set-up and the timer: the real clock, moved on by `shift`. */
let shift = 0
const h = vouchersHarness()
Object.defineProperty(h.clock, 'now', { get: () => Date.now() + shift })

afterAll(async () => {
  await Promise.all(hosts.map((x) => x.kill('SIGKILL')))
  await emu?.stop()
})

/** The first answers, counted: `died` for a call that got none. */
function tally<T>(answers: (Envelope<T> | 'died')[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const r of answers) {
    const k = r === 'died' ? 'died' : r.ok ? 'OK' : `${r.code} ${r.message}`
    out[k] = (out[k] ?? 0) + 1
  }
  return out
}

async function startHost(): Promise<HostProcess> {
  const host = await spawnHost({ TCB_SERVICE_URL: emu!.url, TCB_ENV: 'local', QR_KEYS: process.env.QR_KEYS! })
  hosts.push(host)
  return host
}

/** A merchant whose till is the demo cashier's, N verified members, a 95折 campaign (2000 fen cap) with a voucher each, all claimed. */
async function setUp() {
  emu = await startTestEmulator()
  const now = h.clock.now
  await setUpOfficer(emu.db)
  const members = Array.from({ length: N }, (_x, i) => `m-${i}`)
  await seedMembers(
    emu.db,
    members.map((openid) => ({ openid })),
  )
  const shop = await merchant(h, '苏果超市（新街口店）')
  await seedRole(emu.db, CASHIER, staffScope(shop))
  const input = campaignInput([shop], {
    totalVouchers: N,
    budgetFen: N * 2000,
    claimStartsAt: now,
    claimEndsAt: now + 24 * HOUR,
    useStartsAt: now,
    useEndsAt: now + 72 * HOUR,
  })
  const campaign = (await h.ok<{ id: string }>('officer', 'createCampaign', input)).id
  const vouchers = await Promise.all(members.map(async (o) => (await h.ok<{ id: string }>(o, 'claim', { campaignId: campaign })).id))
  return { shop, members, campaign, vouchers }
}

const voucherUpdates = () => emu!.requests().byCollection[`database.modifyDocument ${COLLECTIONS.vouchers}`] ?? 0
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Where each dead call was cut off, read from what it left: its marker, its voucher, its statement row. */
async function whereCut(ids: string[], vouchers: string[], first: (Envelope<unknown> | 'died')[]): Promise<Record<string, number>> {
  const db = emu!.db
  const markers = await readAll<{ _id: string; state: string }>(db.collection(COLLECTIONS.requests).where({ openid: CASHIER }))
  const marker = (id: string) => markers.find((m) => m._id.endsWith(`:${id}`))?.state ?? 'none'
  const vs = new Map(
    (await readAll<VoucherDoc>(db.collection(COLLECTIONS.vouchers).where({ _id: db.command.in(vouchers) }))).map((v) => [v._id, v]),
  )
  const rows = new Set(
    (
      await readAll<{ _id: string }>(
        db.collection(COLLECTIONS.voucherRedemptions).where({ _id: db.command.in(vouchers.map((v) => `${v}-1`)) }),
      )
    ).map((r) => r._id),
  )
  const out: Record<string, number> = {}
  first.forEach((r, i) => {
    if (r !== 'died') return
    const v = vs.get(vouchers[i])!
    const k = `marker ${marker(ids[i])}, voucher ${v.status}${v.returning ? ' (return in flight)' : ''}, row ${rows.has(`${vouchers[i]}-1`) ? 'stored' : 'none'}`
    out[k] = (out[k] ?? 0) + 1
  })
  return out
}

/** SIGKILLs the host as soon as `due()` says so. `stop()`: no kill after this; did it come? */
function killWhen(host: HostProcess, due: () => boolean): { killed: Promise<void>; stop(): boolean } {
  let fired = false
  let timer: NodeJS.Timeout | undefined
  const killed = new Promise<void>((resolve) => {
    timer = setInterval(() => {
      if (!due()) return
      clearInterval(timer)
      fired = true
      void host.kill('SIGKILL').then(resolve)
    }, 1)
  })
  return { killed, stop: () => (clearInterval(timer), fired) }
}

test('redeem: the host killed mid-burst; every same-id retry answers its first outcome at once; each voucher redeemed once, the books exact', async () => {
  const { shop, members, campaign, vouchers } = await setUp()
  let host = await startHost()
  // Codes rotate (30 s): taken just before the burst, so a call that died before doing anything can still run again.
  const codes = await Promise.all(members.map((o, i) => codeOf(h, o, vouchers[i])))
  const reqs = members.map((_o, i) => ({ merchantId: shop, code: codes[i], billFen: 1000 + i * 37, till: `${(i % 4) + 1}号收银台` }))
  const ids = members.map(() => randomUUID())
  const redeem = (x: HostProcess, i: number) => x.call<RedemptionRowDTO>('vouchers', CASHIER, 'redeem', reqs[i], ids[i])

  let answered = 0
  const updatesBefore = voucherUpdates()
  const kill = killWhen(host, () => answered >= KILL_AFTER_ANSWERS && voucherUpdates() - updatesBefore >= KILL_AFTER_UPDATES)
  const first = await Promise.all(
    reqs.map(async (_r, i) => {
      await sleep(i * APART_MS)
      const res = await redeem(host, i)
      if (res !== 'died') answered++
      return res
    }),
  )
  const fired = kill.stop()
  await (fired ? kill.killed : host.kill('SIGKILL'))
  const split = tally(first)
  const cut = await whereCut(ids, vouchers, first)
  if (process.env.HOST_CRASH_VERBOSE) console.log(`first answers ${JSON.stringify(split)}; the dead calls were at ${JSON.stringify(cut)}`)
  // The kill came mid-burst: some calls died, some had answered, and every call that lived to answer redeemed.
  const others = Object.keys(split).filter((k) => k !== 'OK' && k !== 'died')
  expect([fired, split.died > 0, split.OK > 0, others, split]).toEqual([true, true, true, [], split])
  // Some died after their voucher's update (a rerun would be refused as 已核销): their retries must answer from what they left.
  expect([Object.keys(cut).some((k) => k.includes('voucher redeemed')), cut]).toEqual([true, cut])

  host = await startHost()
  const retry = await Promise.all(
    reqs.map(async (_r, i) => {
      const t = Date.now()
      const res = await redeem(host, i)
      return { res, ms: Date.now() - t }
    }),
  )
  if (process.env.HOST_CRASH_VERBOSE) console.log(`slowest retry: ${Math.max(...retry.map((r) => r.ms))} ms`)
  const rows = retry.map(({ res, ms }, i) => {
    const code = res === 'died' ? 'died' : res.ok ? 'OK' : `${res.code} ${res.message}`
    expect([i, code, ms < AT_ONCE_MS ? 'at once' : `${ms} ms`]).toEqual([i, 'OK', 'at once'])
    if (first[i] !== 'died') expect([i, res]).toEqual([i, first[i]]) // identical to what the till was told
    return (res as { data: RedemptionRowDTO }).data
  })
  expect(rows.map((r) => [r.id, r.voucherId, r.type, r.billFen, r.reversible, r.reversed])).toEqual(
    vouchers.map((v, i) => [`${v}-1`, v, 'redeem', reqs[i].billFen, true, false]),
  )

  // The timer finishes what the dead calls left (their statement rows, the unused parts of their reservations).
  shift = 61_000
  await h.main({ Type: 'Timer' } as never)
  await h.main({ Type: 'Timer' } as never) // a second tick finds nothing left to do
  shift = 0

  const usedFen = rows.reduce((a, r) => a + r.unionFen, 0)
  const b = await budgetBooks(emu!.db, campaign)
  expect(b.vs.map((v) => [v._id, v.status, v.uses, v.redemption?.rowId, v.returning ?? null])).toEqual(
    vouchers.map((v) => [v, 'redeemed', 1, `${v}-1`, null]),
  )
  expect(b.pool).toMatchObject({ redeemed: N, reversed: 0, usedFen })
  expect([b.takenFen, b.usedFen, b.reservedFen]).toEqual([usedFen, usedFen, 0])
  expect(Object.keys(b.pool.holders).length + Object.keys(b.pool.returns ?? {}).length).toBe(0)

  // One statement row per voucher, as each till was answered, carrying its request id.
  const stored = await readAll<RedemptionRowDoc>(emu!.db.collection(COLLECTIONS.voucherRedemptions).where({ campaignId: campaign }))
  const byId = new Map(rows.map((r, i) => [r.id, { r, i }]))
  expect(stored.map((s) => s._id).sort()).toEqual(rows.map((r) => r.id).sort())
  for (const s of stored) {
    const { r, i } = byId.get(s._id)!
    expect([s._id, s.type, s.requestId, s.staffOpenid, s.at, s.billFen, s.unionFen, s.merchantFen, s.reversedBy]).toEqual([
      r.id,
      'redeem',
      ids[i],
      CASHIER,
      r.at,
      r.billFen,
      r.unionFen,
      r.merchantFen,
      null,
    ])
  }
  // The merchant's day statement (days in Beijing time; a burst across midnight spans two) lists each once.
  const days = [...new Set(rows.map((r) => beijingDate(r.at)))]
  const statements = await Promise.all(
    days.map((date) => h.ok<StatementDTO>(CASHIER, 'statement', { merchantId: shop, period: 'day', date })),
  )
  expect(statements.flatMap((s) => s.rows.map((r) => r.id)).sort()).toEqual(rows.map((r) => r.id).sort())
  expect(statements.reduce((a, s) => a + s.totals.redemptions, 0)).toBe(N)
  expect(statements.reduce((a, s) => a + s.totals.unionFen, 0)).toBe(usedFen)
})
