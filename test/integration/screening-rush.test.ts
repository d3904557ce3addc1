import { EventEmitter } from 'node:events'
import fc from 'fast-check'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { createScreeningFunction } from '../../cloudfunctions/screening/index'
import type { SessionDTO } from '~types/screening'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { ledgers, programmeRequest, seedMembers, seedProgramme, sessionDocs } from './screening.fixtures'

EventEmitter.defaultMaxListeners = 100 // 400 concurrent SDK calls share keep-alive sockets

const T0 = Date.UTC(2027, 2, 8, 2, 0)
let emu: TestEmulator
const main = createScreeningFunction({ clock: () => T0 })
const WOMEN = Array.from({ length: 400 }, (_x, i) => `rush-${i}`)

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedMembers(emu.db, [
    ...WOMEN.map((openid) => ({ openid })),
    { openid: 'eager' },
    ...['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'].map((openid) => ({ openid })),
  ])
  await seedProgramme(emu.db, programmeRequest(T0, { id: 'rush', sites: ['site-a', 'site-b'], sessions: 2, perSession: 10 }), T0)
  await seedProgramme(emu.db, programmeRequest(T0, { id: 'single', sessions: 1, perSession: 3 }), T0)
  await seedProgramme(emu.db, programmeRequest(T0, { id: 'prop', sessions: 3, perSession: 2 }), T0)
}, 30_000)
afterAll(() => emu.stop())

async function sessionIds(programmeId: string): Promise<string[]> {
  return (await sessionDocs(emu.db, programmeId)).map((s) => s._id).sort()
}

async function expectExact(programmeId: string): Promise<void> {
  const sessions = await sessionDocs(emu.db, programmeId)
  const active = (await ledgers(emu.db, programmeId)).filter((b) => b.status === 'booked')
  const offers = (await emu.db.collection(COLLECTIONS.screeningWaitlist).where({ programmeId, status: 'offered' }).get()).data as {
    offer: { sessionId: string }
  }[]
  for (const s of sessions) {
    const here = active.filter((b) => b.sessionId === s._id).length + offers.filter((w) => w.offer.sessionId === s._id).length
    expect(s.left).toBeGreaterThanOrEqual(0)
    expect(here).toBe(s.capacity - s.left)
    expect(Object.keys(s.holders).length).toBe(here)
  }
  expect(new Set(active.map((b) => b.openid)).size).toBe(active.length)
}

it('release rush: 400 women for 40 places → exactly 40 bookings, the rest SLOT_FULL, no session over capacity', async () => {
  const ids = await sessionIds('rush')
  const results = await Promise.all(
    WOMEN.map((openid, i) => invoke(main, openid, 'book', { programmeId: 'rush', sessionId: ids[i % ids.length], consentVersion: 'v1' })),
  )
  const codes = results.map((r) => (r.ok ? 'OK' : r.code))
  expect(codes.filter((c) => c === 'OK')).toHaveLength(40)
  expect(codes.filter((c) => c !== 'OK').every((c) => c === 'SLOT_FULL')).toBe(true)
  const booked = (await ledgers(emu.db, 'rush')).filter((b) => b.status === 'booked')
  expect(booked).toHaveLength(40)
  for (const s of await sessionDocs(emu.db, 'rush')) expect(s.left).toBe(0)
  await expectExact('rush')
}, 20_000)

it('one woman sending 10 concurrent requests holds exactly one booking', async () => {
  const ids = await sessionIds('single')
  const results = await Promise.all(
    Array.from({ length: 10 }, () => invoke(main, 'eager', 'book', { programmeId: 'single', sessionId: ids[0], consentVersion: 'v1' })),
  )
  expect(results.filter((r) => r.ok)).toHaveLength(1)
  expect(results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.code))).toEqual(Array(9).fill('ALREADY_BOOKED'))
  const [s] = await sessionDocs(emu.db, 'single')
  expect(s.left).toBe(2)
  await expectExact('single')
})

it('random concurrent book / cancel / reschedule / waiting-list sequences keep counts exact', async () => {
  const ids = await sessionIds('prop')
  const women = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7']
  const step = fc.record({
    who: fc.integer({ min: 0, max: 7 }),
    op: fc.constantFrom('book', 'cancel', 'reschedule', 'joinWaitlist', 'acceptOffer', 'leaveWaitlist'),
    session: fc.integer({ min: 0, max: 2 }),
  })
  await fc.assert(
    fc.asyncProperty(fc.array(fc.array(step, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }), async (rounds) => {
      for (const round of rounds) {
        // each round's calls run concurrently
        await Promise.all(
          round.map(({ who, op, session }) => {
            const data = {
              book: { programmeId: 'prop', sessionId: ids[session], consentVersion: 'v1', joinWaitlistIfFull: session === 0 },
              reschedule: { programmeId: 'prop', sessionId: ids[session] },
              acceptOffer: { programmeId: 'prop', consentVersion: 'v1' },
            }[op] ?? { programmeId: 'prop' }
            return invoke(main, women[who], op, data).then((r) => {
              if (!r.ok) expect(r.code).not.toBe('INTERNAL')
            })
          }),
        )
        await expectExact('prop')
      }
    }),
    { numRuns: 20 },
  )
  const left = okData(await invoke<SessionDTO[]>(main, 'p0', 'listSessions', { programmeId: 'prop', siteId: 'site-a' }))
  const booked = (await ledgers(emu.db, 'prop')).filter((b) => b.status === 'booked').length
  const offered = (await emu.db.collection(COLLECTIONS.screeningWaitlist).where({ programmeId: 'prop', status: 'offered' }).count()).total
  expect(left.reduce((n, s) => n + s.placesLeft, 0)).toBe(6 - booked - offered)
}, 20_000)
