import { EventEmitter } from 'node:events'
import { randomUUID } from 'node:crypto'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { createEventsFunction } from '../../cloudfunctions/events/index'
import type { Envelope } from '~types/envelope'
import type { RedemptionDTO } from '~types/events'
import { crashableEmulator } from '../support/crash'
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
/**
 * The functions' database is observed: the kill comes right after a redemption claim is stored, so
 * requests die between every pair of steps.
 */
const emu = crashableEmulator('events-gift-crash')
const main = createEventsFunction({ clock: () => T0, db: emu.observed })

/**
 * Seeds the fair, hands every member her gift code, fires the rush, SIGKILLs the emulator after the `killAfter`-th
 * claim, and restarts it.
 */
async function rushThenKill(killAfter: number) {
  await emu.start()
  await seedFair(emu.db, { id: 'gc', stock: STOCK, rule: { minTotal: 1, minPerZone: 0 } })
  await seedMember(emu.db, STAFF, '刘洋', staffOf('gc'))
  await pool(MEMBERS, 20, async (m) => {
    await seedMember(emu.db, m, '李明')
    await giveStamp(emu.db, 'gc', 'gcA0', 'A', m)
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
  // Four desks' worth of scans in flight at once: some finish before the kill, the ones in flight die at every step.
  const first = await emu.killedDuring(
    () => pool(requests, 40, (r) => invokeDuringCrash<RedemptionDTO>(main, STAFF, 'redeemGift', r.data, r.requestId)),
    { collection: COLLECTIONS.eventRedemptions, op: 'add', after: killAfter },
  )
  expect(first.filter((r) => r.ok).length).toBeGreaterThan(0) // and some were answered before the kill
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
  const docs = (await emu.db.collection(COLLECTIONS.eventRedemptions).where({ tierId: 'gcT' }).limit(1000).get()).data as {
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
  const tier = (await emu.db.collection(COLLECTIONS.eventTiers).doc('gcT').get()).data[0] as {
    left: number
    stock: number
    holders: object
  }
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
        (await emu.db.collection(COLLECTIONS.eventStampCards).doc(`gc:${d.openid}`).get()).data[0] as
          { gifts?: Record<string, unknown> } | undefined
      )?.gifts?.gcT,
  )
  expect(noted.filter(Boolean).length).toBe(STOCK)
})
