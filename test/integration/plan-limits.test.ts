import { DbRefusal, retryStats, withDbDeadline } from '../../cloudfunctions/common/db-retry'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { startEmulator } from '../../tools/emulator/server'

/**
 * The emulator keeps a plan's database limits when asked (issue 17 §1) and answers past them
 * with the codes CloudBase's SDK throws (docs/emulator.md "Plan limits"). `withDbDeadline(now)`
 * turns the kit's retries off for a call, so the SDK's own error is what the test sees.
 */
let emu: TestEmulator

const sdkError = async (p: () => Promise<unknown>): Promise<{ code?: string; message?: string } | 'ok'> => {
  try {
    await withDbDeadline(Date.now(), p)
    return 'ok'
  } catch (e) {
    const raw = e instanceof DbRefusal ? (e.cause as { code?: string; message?: string }) : (e as { code?: string; message?: string })
    return { code: raw.code, message: raw.message }
  }
}

beforeAll(async () => {
  emu = await startTestEmulator({ limits: {} })
})
afterAll(() => emu.stop())

/** Limits and today's usage through the emulator's side door (`POST /_limits`). */
async function setLimits(limits: object, usage: object = { reads: 0, writes: 0, resetRefused: true }): Promise<void> {
  const base = emu.url.replace(/\/admin$/, '')
  await fetch(`${base}/_limits`, { method: 'POST', body: JSON.stringify({ limits, usage }) })
}

beforeEach(() => setLimits({}))

it('is off by default: a burst of 60 reads all succeed and are still counted', async () => {
  const results = await Promise.all(Array.from({ length: 60 }, () => sdkError(() => emu.db.collection('plain').count())))
  expect(results.every((r) => r === 'ok')).toBe(true)
  const view = (await (await fetch(emu.url.replace(/\/admin$/, '/_limits'))).json()) as { usage: { reads: number } }
  expect(view.usage.reads).toBeGreaterThanOrEqual(60)
})

it('past the database QPS the SDK throws EXCEED_RATELIMIT, and the next second serves again', async () => {
  await setLimits({ dbQps: 5 })
  const results = await Promise.all(Array.from({ length: 12 }, () => sdkError(() => emu.db.collection('plain').count())))
  expect(results.filter((r) => r === 'ok')).toHaveLength(5)
  const refused = results.filter((r): r is { code: string } => r !== 'ok')
  expect(refused.map((r) => r.code)).toEqual(Array(7).fill('EXCEED_RATELIMIT'))
  await new Promise((r) => setTimeout(r, 1100))
  expect(await sdkError(() => emu.db.collection('plain').count())).toBe('ok')
})

it('past the concurrent connections the SDK throws EXCEED_CONCURRENT_REQUEST_LIMIT; writes to one document take turns', async () => {
  await emu.db.collection('hot').add({ _id: 'h', n: 0 })
  await setLimits({ dbConnections: 2, docWriteMs: 150 })
  const inc = () =>
    emu.db
      .collection('hot')
      .doc('h')
      .update({ n: emu.db.command.inc(1) })
  const results = await Promise.all([sdkError(inc), sdkError(inc), sdkError(inc)])
  expect(results.filter((r) => r === 'ok')).toHaveLength(2)
  expect(results.find((r) => r !== 'ok')).toMatchObject({ code: 'EXCEED_CONCURRENT_REQUEST_LIMIT' })
  const [doc] = (await emu.db.collection('hot').doc('h').get()).data as { n: number }[]
  expect(doc.n).toBe(2) // the refused one never ran
})

it('a used-up day write quota refuses every write with EXCEED_REQUEST_LIMIT (-501016) and changes nothing; reads go on', async () => {
  await setLimits({ writesPerDay: 30_000 }, { writes: 30_000 })
  const r = await sdkError(() => emu.db.collection('plain').add({ _id: 'late', x: 1 }))
  expect(r).toMatchObject({ code: 'EXCEED_REQUEST_LIMIT' })
  expect((r as { message: string }).message).toContain('-501016')
  await setLimits({})
  expect((await emu.db.collection('plain').doc('late').get()).data).toHaveLength(0)
})

it('a used-up day read quota refuses reads with EXCEED_REQUEST_LIMIT (-501015), and the kit does not retry it', async () => {
  await setLimits({ readsPerDay: 50_000 }, { reads: 50_000 })
  const before = retryStats.quota
  await expect(emu.db.collection('plain').count()).rejects.toMatchObject({ kind: 'quota', sdkCode: 'EXCEED_REQUEST_LIMIT' })
  expect(retryStats.quota).toBe(before + 1)
})

it('the kit retries refused calls with jittered backoff: 30 concurrent reads at 15 QPS all succeed', async () => {
  await setLimits({ dbQps: 15, dbConnections: 5 })
  const before = retryStats.retried
  const results = await Promise.all(Array.from({ length: 30 }, () => emu.db.collection('plain').count()))
  expect(results).toHaveLength(30)
  expect(retryStats.retried).toBeGreaterThan(before)
}, 20_000)

it('EMULATOR_PLAN=basic turns the base plan on for an emulator started without explicit limits', async () => {
  process.env.EMULATOR_PLAN = 'basic'
  try {
    const e = await startEmulator({ dataDir: emu.dataDir + '-basic', quiet: true })
    expect(e.limiter.limits).toMatchObject({ dbQps: 30, dbConnections: 20, readsPerDay: 50_000, writesPerDay: 30_000 })
    await e.stop()
  } finally {
    delete process.env.EMULATOR_PLAN
  }
})
