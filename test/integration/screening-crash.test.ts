import { EventEmitter } from 'node:events'
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { connectDb, type Db } from '../../cloudfunctions/common/db'
import { resetEnvCache } from '../../cloudfunctions/common/env'
import { createScreeningFunction } from '../../cloudfunctions/screening/index'
import { type EmulatorProcess, spawnEmulator } from '../../tools/emulator/spawn'
import type { BookResponse } from '~types/screening'
import type { Envelope } from '~types/envelope'
import { skipMetadataProbe } from '../support/emulator'
import { invoke, invokeDuringCrash } from '../support/invoke'
import { ledgers, programmeRequest, seedMembers, seedProgramme, sessionDocs } from './screening.fixtures'

/**
 * Issue 7 §8: the emulator is SIGKILLed in the middle of a 400-woman rush for
 * 40 places, so requests die at every step (before the claim, after it, after
 * the place, after the quota, after the confirmation). After a restart, her
 * next tap, or the same request retried, is answered truthfully at once: never
 * a false ALREADY_BOOKED, never CONFLICT, and the places stay exact.
 */
jest.setTimeout(90_000)
EventEmitter.defaultMaxListeners = 200

const T0 = Date.UTC(2027, 2, 8, 2, 0)
const WOMEN = Array.from({ length: 400 }, (_x, i) => `crash-${i}`)
let dataDir: string
let emu: EmulatorProcess | null = null
let db: Db
let killAt: { claims: number; kill(): void } | null = null

/**
 * The functions' database, observed (not replaced): the kill comes right after a claim is stored,
 * so requests die between every pair of steps. Every call goes to the real SDK and emulator.
 */
function observed(): Db {
  const real = db
  return new Proxy(real, {
    get(target, prop, receiver) {
      if (prop !== 'collection') return Reflect.get(target, prop, receiver)
      return (name: string) => {
        const c = target.collection(name)
        if (name !== COLLECTIONS.screeningBookings) return c
        const add = c.add.bind(c)
        return Object.assign(c, {
          add: async (doc: never) => {
            const r = await add(doc)
            if (killAt && --killAt.claims === 0) killAt.kill()
            return r
          },
        })
      }
    },
  })
}
const main = createScreeningFunction({ clock: () => T0, db: observed })

beforeAll(() => {
  skipMetadataProbe()
  const quiet =
    (orig: (...a: unknown[]) => void, noise: RegExp) =>
    (...a: unknown[]) =>
      void (noise.test(String(a[0])) || orig(...a))
  jest.spyOn(console, 'warn').mockImplementation(quiet(console.warn.bind(console), /\[TCB\]\[WARN\]/))
  // requests cut off by the kill fail with connection errors; anything else is shown
  const cutOff = /ECONNREFUSED|ECONNRESET|socket hang up|fetch failed|network|timeout/i
  const error = console.error.bind(console)
  jest
    .spyOn(console, 'error')
    .mockImplementation(
      (...a: unknown[]) => void (a.some((x) => cutOff.test(String(x)) || cutOff.test(String((x as Error)?.cause))) || error(...a)),
    )
  process.env.QR_KEYS ??= `t1:${randomBytes(32).toString('base64url')}`
  resetEnvCache()
})
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'screening-crash-'))
})
// The SDK never clears the 3 s slow-request timer of a call the kill cut off:
// let those fire while warnings are still muted, not after the file is done
// (jest then fails the run with "Cannot log after tests are done").
afterAll(() => new Promise((resolve) => setTimeout(resolve, 3_500)))
afterEach(async () => {
  await emu?.kill('SIGKILL')
  emu = null
  rmSync(dataDir, { recursive: true, force: true })
})

async function start(): Promise<void> {
  emu = await spawnEmulator({ dataDir })
  db = connectDb(emu.url)
}

/** Seeds, fires the rush, and SIGKILLs the emulator right after the `killAfterClaims`-th claim is written. */
async function rushThenKill(killAfterClaims: number): Promise<{ ids: string[]; first: Envelope<BookResponse>[]; requestIds: string[] }> {
  await start()
  await seedMembers(
    db,
    WOMEN.map((openid) => ({ openid })),
  )
  await seedProgramme(db, programmeRequest(T0, { id: 'crash', sites: ['site-a', 'site-b'], sessions: 2, perSession: 10 }), T0)
  const ids = (await sessionDocs(db, 'crash')).map((s) => s._id).sort()
  const requestIds = WOMEN.map(() => randomUUID())
  let killing: Promise<unknown> | null = null
  killAt = { claims: killAfterClaims, kill: () => void (killing ??= emu!.kill('SIGKILL')) }
  const first = await Promise.all(
    WOMEN.map((openid, i) =>
      invokeDuringCrash<BookResponse>(
        main,
        openid,
        'book',
        { programmeId: 'crash', sessionId: ids[i % 4], consentVersion: 'v1' },
        requestIds[i],
      ),
    ),
  )
  killAt = null
  await killing
  const codes: Record<string, number> = {}
  for (const r of first) codes[r.ok ? 'OK' : r.code] = (codes[r.ok ? 'OK' : r.code] ?? 0) + 1
  expect([killing !== null, codes]).toEqual([true, codes]) // the kill did happen mid-rush
  expect(first.filter((r) => !r.ok && r.code === 'INTERNAL').length).toBeGreaterThan(0) // some requests died
  await start()
  return { ids, first, requestIds }
}

async function expectExact(): Promise<void> {
  const sessions = await sessionDocs(db, 'crash')
  const all = await ledgers(db, 'crash')
  const booked = all.filter((b) => b.status === 'booked')
  for (const s of sessions) {
    const here = booked.filter((b) => b.sessionId === s._id).length
    expect([s.left, Object.keys(s.holders).length]).toEqual([s.capacity - here, here])
  }
  expect(booked).toHaveLength(40) // every place went to someone: none is stranded in a dead claim
  expect(all.filter((b) => b.status === 'pending')).toEqual([])
}

test('after a crash mid-rush, her next tap resolves her own dead claim at once: no false ALREADY_BOOKED', async () => {
  const { ids, first } = await rushThenKill(60)
  const started = Date.now()
  const next = await Promise.all(
    WOMEN.map((openid, i) =>
      invoke<BookResponse>(main, openid, 'book', { programmeId: 'crash', sessionId: ids[i % 4], consentVersion: 'v1' }),
    ),
  )
  expect(Date.now() - started).toBeLessThan(20_000) // answered now, not after the minute-long sweep
  const status = new Map((await ledgers(db, 'crash')).map((b) => [b.openid, b.status]))
  WOMEN.forEach((openid, i) => {
    const r = next[i]
    const code = r.ok ? 'OK' : r.code
    expect([openid, ['OK', 'ALREADY_BOOKED', 'SLOT_FULL'].includes(code)]).toEqual([openid, true])
    // ALREADY_BOOKED only for a woman who truly holds a booking; OK only with a booking stored
    if (code === 'ALREADY_BOOKED' || code === 'OK') expect([openid, status.get(openid)]).toEqual([openid, 'booked'])
    if (first[i].ok) expect([openid, code]).toEqual([openid, 'ALREADY_BOOKED'])
  })
  await expectExact()
})

test('after a crash mid-rush, a retry with the same request id gets the outcome its first call reached', async () => {
  const { ids, first, requestIds } = await rushThenKill(60)
  const retry = await Promise.all(
    WOMEN.map((openid, i) =>
      invoke<BookResponse>(main, openid, 'book', { programmeId: 'crash', sessionId: ids[i % 4], consentVersion: 'v1' }, requestIds[i]),
    ),
  )
  const status = new Map((await ledgers(db, 'crash')).map((b) => [b.openid, b.status]))
  WOMEN.forEach((openid, i) => {
    const r = retry[i]
    const code = r.ok ? 'OK' : r.code
    expect([openid, ['OK', 'SLOT_FULL'].includes(code)]).toEqual([openid, true]) // never CONFLICT, never ALREADY_BOOKED
    if (code === 'OK') expect([openid, status.get(openid)]).toEqual([openid, 'booked'])
    if (status.get(openid) === 'booked') expect([openid, code]).toEqual([openid, 'OK']) // her own booking, whatever step her call died at
    const was = first[i]
    if (was.ok && r.ok && was.data.outcome === 'booked' && r.data.outcome === 'booked')
      expect(r.data.booking.bookingId).toBe(was.data.booking.bookingId)
  })
  await expectExact()
  const sessions = await sessionDocs(db, 'crash')
  expect(sessions.reduce((n, s) => n + s.left, 0)).toBe(0)
  expect((await db.collection(COLLECTIONS.screeningBookings).where({ programmeId: 'crash', status: 'booked' }).count()).total).toBe(40)
})
