/**
 * Request markers (common/idempotency.ts) keep a call's outcome for retries,
 * and outcomes may name a member: they expire. The one sweeper, run by the
 * functions' timers, deletes markers past REQUEST_TTL_MS with one indexed
 * removal (the suite runs with notablescan on), and leaves younger ones.
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { REQUEST_TTL_MS } from '../../cloudfunctions/common/idempotency'
import { createEventsFunction } from '../../cloudfunctions/events'
import { createScreeningFunction } from '../../cloudfunctions/screening/index'
import { startTestEmulator, type TestEmulator } from '../support/emulator'

const T0 = Date.UTC(2027, 0, 1, 2, 0)
let now = T0
let emu: TestEmulator
const events = createEventsFunction({ clock: () => now })
const screening = createScreeningFunction({ clock: () => now })
const markers = async () =>
  (
    (
      await emu.db
        .collection(COLLECTIONS.requests)
        .where({ startedAt: emu.db.command.gte(0) })
        .get()
    ).data as { _id: string }[]
  )
    .map((d) => d._id)
    .sort()

beforeAll(async () => {
  emu = await startTestEmulator()
  await emu.db.collection(COLLECTIONS.requests).add([
    { _id: 'old', state: 'done', startedAt: T0 - REQUEST_TTL_MS - 1, openid: 'her', outcome: { ok: true, data: { name: '王秀英' } } },
    { _id: 'legacy', state: 'done', startedAt: T0 - 2 * REQUEST_TTL_MS, outcome: { ok: true, data: null } }, // written before markers named their caller
    { _id: 'young', state: 'done', startedAt: T0 - 60_000, openid: 'her', outcome: { ok: true, data: null } },
  ])
})
afterAll(() => emu.stop())

test("the events timer's sweep deletes markers past their time and keeps younger ones", async () => {
  expect(await events({ Type: 'Timer', TriggerName: 'sweep' } as never, {})).toMatchObject({ ok: true })
  expect(await markers()).toEqual(['young'])
})

test("screening's timer sweeps them too, once they are old", async () => {
  now = T0 + REQUEST_TTL_MS
  expect(await screening({ Type: 'Timer', TriggerName: 'sweep' } as never, {})).toMatchObject({ ok: true })
  expect(await markers()).toEqual([])
})
