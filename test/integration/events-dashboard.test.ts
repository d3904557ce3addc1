/**
 * The dashboard's stamp figures come from counters beside the event, rolled up
 * by the events timer from the stamps since their watermark, plus the stamps
 * after it: the same figures as counting every stamp, without reading them all.
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { createEventsFunction } from '../../cloudfunctions/events'
import type { DashboardDTO } from '~types/events'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { giveStamp, seedFair, seedMember, staffOf, T0 } from './events-fixtures'

let emu: TestEmulator
let now = T0
const main = createEventsFunction({ clock: () => now })
const MIN = 60_000

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedFair(emu.db, { id: 'dash' })
  await seedMember(emu.db, 'staff-dash', '刘洋', staffOf('dash'))
})
afterAll(() => emu.stop())

const figures = async () => {
  const d = okData(await invoke<DashboardDTO>(main, 'staff-dash', 'dashboard', { eventId: 'dash' }))
  return {
    totals: { stamps: d.totals.stamps, stampers: d.totals.stampers },
    perBooth: Object.fromEntries(d.stampsPerBooth.filter((b) => b.stamps).map((b) => [b.boothId, b.stamps])),
    overTime: d.stampsOverTime.map((b) => b.stamps),
  }
}

test('counters rolled up by the timer plus the stamps after the watermark give the exact figures', async () => {
  await giveStamp(emu.db, 'dash', 'dashA0', 'A', 'm1', T0)
  await giveStamp(emu.db, 'dash', 'dashA1', 'A', 'm1', T0 + MIN)
  await giveStamp(emu.db, 'dash', 'dashA0', 'A', 'm2', T0 + 20 * MIN)
  const before = await figures()
  expect(before).toEqual({ totals: { stamps: 3, stampers: 2 }, perBooth: { dashA0: 2, dashA1: 1 }, overTime: [2, 1] })

  now = T0 + 30 * MIN
  expect(await main({ Type: 'Timer', TriggerName: 'sweep' } as never, {})).toMatchObject({ ok: true })
  const stats = (await emu.db.collection(COLLECTIONS.eventStampStats).doc('dash').get()).data[0]
  expect(stats).toMatchObject({ through: now - MIN, stamps: 3, stampers: 2 })
  expect(await figures()).toEqual(before)

  // After the watermark: one member seen before (not counted twice), one new, and one stamp just inside the lag.
  await giveStamp(emu.db, 'dash', 'dashB0', 'B', 'm1', T0 + 29 * MIN + 30_000)
  await giveStamp(emu.db, 'dash', 'dashB0', 'B', 'm3', T0 + 31 * MIN)
  // 15-minute buckets from 10:00
  const after = { totals: { stamps: 5, stampers: 3 }, perBooth: { dashA0: 2, dashA1: 1, dashB0: 2 }, overTime: [2, 2, 1] }
  expect(await figures()).toEqual(after)
  now = T0 + 40 * MIN
  await main({ Type: 'Timer', TriggerName: 'sweep' } as never, {})
  expect((await emu.db.collection(COLLECTIONS.eventStampStats).doc('dash').get()).data[0]).toMatchObject({
    through: now - MIN,
    stamps: 5,
    stampers: 3,
  })
  expect(await figures()).toEqual(after)
})
