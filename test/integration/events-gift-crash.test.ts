import { EventEmitter } from 'node:events'
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { connectDb, type Db } from '../../cloudfunctions/common/db'
import { resetEnvCache } from '../../cloudfunctions/common/env'
import { createEventsFunction } from '../../cloudfunctions/events/index'
import { type EmulatorProcess, spawnEmulator } from '../../tools/emulator/spawn'
import type { Envelope } from '~types/envelope'
import type { RedemptionDTO } from '~types/events'
import { skipMetadataProbe } from '../support/emulator'
import { invoke, invokeDuringCrash, okData } from '../support/invoke'
import { giveStamp, pool, seedFair, seedMember, staffOf, T0 } from './events-fixtures'

/**
 * Issue 15: the emulator is SIGKILLed in the middle of a gift-desk rush (120 qualified members, 80
 * gifts, 40 scans in flight), so redemptions die at every step (after the claim, after the unit, after the
 * confirmation, before the request's outcome is stored). After a restart, the desk's retry with the
 * same request id is answered at once with what its first call did: 兑换成功 if her gift was
 * handed out, never CONFLICT, never a second gift; and the stock adds up exactly.
 */
jest.setTimeout(120_000)
EventEmitter.defaultMaxListeners = 300

const MEMBERS = Array.from({ length: 120 }, (_x, i) => `gc${String(i).padStart(3, '0')}`)
const STOCK = 80
const STAFF = 'staff-gc'
let dataDir: string
let emu: EmulatorProcess | null = null
let db: Db
let killAt: { claims: number; kill(): void } | null = null

/**
 * The functions' database, observed (not replaced): the kill comes right after a redemption claim is
 * stored, so requests die between every pair of steps. Every call goes to the real SDK and emulator.
 */
let seen: { real: Db; proxy: Db } | null = null
function observed(): Db {
  if (seen?.real === db) return seen.proxy
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'collection') return Reflect.get(target, prop, receiver)
      return (name: string) => {
        const c = target.collection(name)
        if (name !== COLLECTIONS.eventRedemptions) return c
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
  seen = { real: db, proxy }
  return proxy
}
const main = createEventsFunction({ clock: () => T0, db: observed })

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
  dataDir = mkdtempSync(join(tmpdir(), 'events-gift-crash-'))
})
// The SDK never clears the 3 s slow-request timer of a call the kill cut off:
// let those fire while warnings are still muted, not after the file is done.
afterAll(async () => {
  await emu?.kill('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
  await new Promise((resolve) => setTimeout(resolve, 3_500))
})

async function start(): Promise<void> {
  emu = await spawnEmulator({ dataDir })
  db = connectDb(emu.url)
}

/** Seeds the fair, hands every member her gift code, fires the rush, and SIGKILLs the emulator after the `killAfter`-th claim. */
async function rushThenKill(killAfter: number) {
  await start()
  await seedFair(db, { id: 'gc', stock: STOCK, rule: { minTotal: 1, minPerZone: 0 } })
  await seedMember(db, STAFF, '刘洋', staffOf('gc'))
  await pool(MEMBERS, 20, async (m) => {
    await seedMember(db, m, '李明')
    await giveStamp(db, 'gc', 'gcA0', 'A', m)
  })
  const tokens = await pool(
    MEMBERS,
    20,
    async (m) => okData(await invoke(main, m, 'giftCode', { eventId: 'gc', tierId: 'gcT' })).token as string,
  )
  const requests = MEMBERS.map((_m, i) => ({
    data: { eventId: 'gc', token: tokens[i], desk: `${(i % 4) + 1}号兑换台` },
    requestId: randomUUID(),
  }))
  let killing: Promise<unknown> | null = null
  killAt = { claims: killAfter, kill: () => void (killing ??= emu!.kill('SIGKILL')) }
  // Four desks' worth of scans in flight at once: some finish before the kill, the ones in flight die at every step.
  const first = await pool(requests, 40, (r) => invokeDuringCrash<RedemptionDTO>(main, STAFF, 'redeemGift', r.data, r.requestId))
  killAt = null
  await killing
  expect(killing).not.toBeNull() // the kill did happen mid-rush
  expect(first.filter((r) => !r.ok && r.code === 'INTERNAL').length).toBeGreaterThan(0) // some redemptions died
  expect(first.filter((r) => r.ok).length).toBeGreaterThan(0) // and some were answered before the kill
  await start()
  return { requests, first }
}

const answer = (r: Envelope<RedemptionDTO>) => (r.ok ? r.data.outcome : r.code)

test('after a crash mid-rush, every same-id retry answers its first outcome at once; no gift twice; stock exact', async () => {
  const { requests, first } = await rushThenKill(70)
  const took: number[] = []
  // Each desk rescans its own queue (a few at a time, as desks do); every answer must come at once.
  const retry = await pool(requests, 8, async (r) => {
    const started = Date.now()
    const res = await invoke<RedemptionDTO>(main, STAFF, 'redeemGift', r.data, r.requestId)
    took.push(Date.now() - started)
    return res
  })
  expect(Math.max(...took)).toBeLessThan(3_000) // answered now: no wait for a dead call's marker or claim
  const docs = (await db.collection(COLLECTIONS.eventRedemptions).where({ tierId: 'gcT' }).limit(1000).get()).data as {
    openid: string
    state: string
    desk: string
  }[]
  const state = new Map(docs.map((d) => [d.openid, d]))
  MEMBERS.forEach((m, i) => {
    const code = answer(retry[i])
    expect([m, ['granted', 'OUT_OF_STOCK'].includes(code)]).toEqual([m, true]) // never CONFLICT, never already-redeemed to her own desk
    // 兑换成功 exactly when her gift is stored as handed out, at the desk that asked
    expect([m, code === 'granted']).toEqual([m, state.get(m)?.state === 'confirmed'])
    if (code === 'granted') expect([m, state.get(m)?.desk]).toEqual([m, requests[i].data.desk])
    // a call that answered before the kill is answered the same again
    if (first[i].ok || (!first[i].ok && first[i].code !== 'INTERNAL')) expect([m, retry[i]]).toEqual([m, first[i]])
  })
  const tier = (await db.collection(COLLECTIONS.eventTiers).doc('gcT').get()).data[0] as { left: number; stock: number; holders: object }
  const confirmed = docs.filter((d) => d.state === 'confirmed').length
  expect(docs.filter((d) => d.state === 'pending')).toEqual([])
  expect([tier.stock - tier.left, Object.keys(tier.holders)]).toEqual([confirmed, []])
  expect([confirmed, tier.left]).toEqual([STOCK, 0]) // every gift went to someone: none stranded in a dead claim
  expect(retry.filter((r) => r.ok).length).toBe(STOCK)
  // her stamp card notes the gift for every one handed out (the retry finishes what the dead call left)
  const noted = await pool(
    docs.filter((d) => d.state === 'confirmed'),
    10,
    async (d) =>
      (
        (await db.collection(COLLECTIONS.eventStampCards).doc(`gc:${d.openid}`).get()).data[0] as
          { gifts?: Record<string, unknown> } | undefined
      )?.gifts?.gcT,
  )
  expect(noted.filter(Boolean).length).toBe(STOCK)
})
