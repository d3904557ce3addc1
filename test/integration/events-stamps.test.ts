/** Stamp rally: one stamp per booth, cooldown, revoked/other-event/forged codes, all refusals logged. */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { env } from '../../cloudfunctions/common/env'
import { createTokenService } from '../../cloudfunctions/common/qr-token.service'
import { createEventsFunction } from '../../cloudfunctions/events'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { HOUR, seedFair, seedMember, staffOf, T0 } from './events-fixtures'

jest.setTimeout(30_000)

let emu: TestEmulator
let now = T0
const main = createEventsFunction({ clock: () => now })
const codes: Record<string, string> = {}

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedFair(emu.db, { id: 'sf', cooldownSeconds: 60, rule: { minTotal: 4, minPerZone: 2 } })
  await seedFair(emu.db, { id: 's2' })
  await seedFair(emu.db, { id: 'sr', signUpRequired: true, capacity: 1 })
  await seedMember(emu.db, 'officer', '孙丽', [{ role: 'officer' }])
  await seedMember(emu.db, 'staff-sf', '刘洋', staffOf('sf'))
  for (const m of ['alice', 'bob', 'carol']) await seedMember(emu.db, m, '王秀英')
  for (const e of ['sf', 's2', 'sr']) {
    for (const c of okData(await invoke(main, 'officer', 'boothCodes', { eventId: e })).codes) codes[c.boothId] = c.code
  }
})
afterAll(() => emu.stop())

const stamp = (who: string, code: string, eventId: string | undefined = 'sf') => invoke(main, who, 'stamp', { code, eventId })
const stampCount = async (openid: string) => (await emu.db.collection(COLLECTIONS.eventStamps).where({ openid }).count()).total

test('printed booth codes fit a WeChat scene and carry a version', async () => {
  expect(Object.keys(codes)).toHaveLength(18)
  for (const c of Object.values(codes)) expect(c).toMatch(/^[A-Za-z0-9_.~-]{1,32}$/)
  expect(await invoke(main, 'staff-sf', 'boothCodes', { eventId: 'sf' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await invoke(main, 'alice', 'boothCodes', { eventId: 'sf' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
})

test('a stamp per booth, a cooldown between stamps, progress per zone', async () => {
  now = T0
  const first = okData(await stamp('alice', codes.sfA0))
  expect(first.stamp).toMatchObject({ boothId: 'sfA0', boothName: '展位A0', zoneId: 'A', stampedAt: T0 })
  expect(first.card).toMatchObject({ total: 1, boothCount: 6, nextStampAt: T0 + 60_000 })
  expect(first.card.zones).toEqual([
    { zoneId: 'A', name: '匠心特产集', stamped: 1, boothCount: 3 },
    { zoneId: 'B', name: '巧手工艺廊', stamped: 0, boothCount: 3 },
  ])
  now = T0 + 10_000
  expect(await stamp('alice', codes.sfA1)).toMatchObject({ ok: false, code: 'STAMP_COOLDOWN' })
  now = T0 + 120_000
  expect(await stamp('alice', codes.sfA0)).toMatchObject({ ok: false, code: 'ALREADY_STAMPED' })
  // the duplicate did not use up the window
  expect(okData(await stamp('alice', codes.sfA1)).card.total).toBe(2)
  expect(await stampCount('alice')).toBe(2)
})

test('her card lists its booths as she stamps (no read of her stamps), counting ones she had before the card', async () => {
  now = T0
  await seedMember(emu.db, 'dora', '赵敏')
  // A stamp recorded before she had a card (the seed, an import): her first stamp reads them once.
  await emu.db
    .collection(COLLECTIONS.eventStamps)
    .add({ _id: 's2:s2B0:dora', eventId: 's2', boothId: 's2B0', zoneId: 'B', openid: 'dora', stampedAt: T0 - 1000 })
  expect(okData(await stamp('dora', codes.s2A0, 's2')).card.total).toBe(2)
  const card = (await emu.db.collection(COLLECTIONS.eventStampCards).doc('s2:dora').get()).data[0] as {
    booths: Record<string, unknown>
    listsStamps: boolean
  }
  expect(card).toMatchObject({ listsStamps: true, booths: { s2A0: { zoneId: 'A', at: T0 }, s2B0: { zoneId: 'B', at: T0 - 1000 } } })
  now = T0 + 1000
  const third = okData(await stamp('dora', codes.s2A1, 's2')).card
  expect(third.total).toBe(3)
  expect(third.stamps.map((x: { boothId: string }) => x.boothId)).toEqual(['s2A1', 's2A0', 's2B0'])
  // A duplicate lists the booth with its first stamp's time, not the refused one's.
  now = T0 + 2000
  expect(await stamp('dora', codes.s2A0, 's2')).toMatchObject({ ok: false, code: 'ALREADY_STAMPED' })
  const after = (await emu.db.collection(COLLECTIONS.eventStampCards).doc('s2:dora').get()).data[0] as {
    booths: Record<string, { at: number }>
  }
  expect(after.booths.s2A0.at).toBe(T0)
})

test('five booth codes scanned at once inside one cooldown → exactly one stamp', async () => {
  now = T0
  const results = await Promise.all(['sfA0', 'sfA1', 'sfA2', 'sfB0', 'sfB1'].map((b) => stamp('bob', codes[b])))
  expect(results.filter((r) => r.ok)).toHaveLength(1)
  expect(results.filter((r) => !r.ok && r.code === 'STAMP_COOLDOWN')).toHaveLength(4)
  expect(await stampCount('bob')).toBe(1)
})

test('revoked, other-event, forged and wrong-purpose codes are refused distinctly', async () => {
  now = T0 + HOUR
  const old = codes.sfB2
  const fresh = okData(await invoke(main, 'officer', 'reissueBoothCode', { eventId: 'sf', boothId: 'sfB2' }))
  expect(fresh).toMatchObject({ boothId: 'sfB2', version: 1 })
  expect(fresh.code).not.toBe(old)
  expect(await invoke(main, 'staff-sf', 'reissueBoothCode', { eventId: 'sf', boothId: 'sfB2' })).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  })
  expect(await stamp('carol', old)).toMatchObject({ ok: false, code: 'TOKEN_REVOKED' })
  expect(await stamp('carol', codes.s2A0)).toMatchObject({ ok: false, code: 'TOKEN_OTHER_EVENT' })
  const flipped = old.slice(0, -1) + (old.endsWith('A') ? 'B' : 'A')
  expect(await stamp('carol', flipped)).toMatchObject({ ok: false, code: 'TOKEN_INVALID' })
  expect(await stamp('carol', 'Bzsomething.0AAAAAAAAAAAA')).toMatchObject({ ok: false, code: 'TOKEN_INVALID' })
  const voucher = createTokenService(env().qrKeys, () => now).issuePrinted('voucher', 'sfB2', 1)
  expect(await stamp('carol', voucher)).toMatchObject({ ok: false, code: 'TOKEN_WRONG_PURPOSE' })
  expect(await stamp('carol', 12345 as never)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', field: 'code' })
  expect(await stampCount('carol')).toBe(0)
  expect(okData(await stamp('carol', fresh.code)).stamp.boothId).toBe('sfB2')
  const refused = okData(await invoke(main, 'staff-sf', 'scanLog', { eventId: 'sf', refusedOnly: true })).entries
  expect(refused.map((e: { code: string }) => e.code)).toEqual(
    expect.arrayContaining(['TOKEN_REVOKED', 'STAMP_COOLDOWN', 'ALREADY_STAMPED']),
  )
  expect(refused.find((e: { code: string }) => e.code === 'TOKEN_REVOKED')).toMatchObject({
    kind: 'stamp',
    boothId: 'sfB2',
    member: '王**',
  })
})

test('identity comes from the context: an openid in data is refused (strict schema); unverified callers are refused', async () => {
  now = T0 + 2 * HOUR
  expect(await invoke(main, 'carol', 'stamp', { code: codes.sfA2, eventId: 'sf', openid: 'alice' })).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
    field: 'openid',
  })
  expect((await emu.db.collection(COLLECTIONS.eventStamps).doc('sf:sfA2:alice').get()).data).toHaveLength(0)
  okData(await invoke(main, 'carol', 'stamp', { code: codes.sfA2, eventId: 'sf' }))
  expect(await emu.db.collection(COLLECTIONS.eventStamps).doc('sf:sfA2:carol').get()).toMatchObject({ data: [expect.anything()] })
  expect(await stamp('stranger', codes.sfA0)).toMatchObject({ ok: false, code: 'NOT_VERIFIED' })
  expect(await stamp(undefined as never, codes.sfA0)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
})

test('an event that needs sign-up: NOT_SIGNED_UP until signed up; capacity gives 已满; ended events refuse', async () => {
  now = T0
  expect(await stamp('alice', codes.srA0, 'sr')).toMatchObject({ ok: false, code: 'NOT_SIGNED_UP' })
  expect(okData(await invoke(main, 'alice', 'signUp', { eventId: 'sr' }))).toEqual({ eventId: 'sr', signedUpAt: T0 })
  expect(okData(await invoke(main, 'alice', 'signUp', { eventId: 'sr' }))).toEqual({ eventId: 'sr', signedUpAt: T0 })
  expect(await invoke(main, 'bob', 'signUp', { eventId: 'sr' })).toMatchObject({ ok: false, code: 'SIGNUP_FULL' })
  const list = okData(await invoke(main, 'bob', 'listEvents', {})).events.find((e: { id: string }) => e.id === 'sr')
  expect(list).toMatchObject({ signedUp: 1, full: true, mySignUp: null })
  expect(okData(await stamp('alice', codes.srA0, 'sr')).card.total).toBe(1)
  now = T0 + 48 * HOUR
  expect(await stamp('alice', codes.srA1, 'sr')).toMatchObject({ ok: false, code: 'EVENT_NOT_OPEN' })
  expect(await invoke(main, 'carol', 'signUp', { eventId: 'sr' })).toMatchObject({ ok: false, code: 'SIGNUP_CLOSED' })
})

test('a booth code opens the card of its own event, so a refused scan still shows the right progress', async () => {
  const before = okData(await invoke(main, 'alice', 'stampCard', { eventId: 'sf' }))
  const byCode = okData(await invoke(main, 'alice', 'stampCard', { code: codes.sfA0 }))
  expect(byCode).toMatchObject({ eventId: 'sf', total: before.total })
  expect(okData(await invoke(main, 'alice', 'stampCard', { code: codes.s2A0 })).eventId).toBe('s2')
  expect(await invoke(main, 'alice', 'stampCard', { code: `${codes.sfA0.slice(0, -2)}xx` })).toMatchObject({
    ok: false,
    code: 'TOKEN_INVALID',
  })
  expect(await invoke(main, 'alice', 'stampCard', {})).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' })
  expect(await invoke(main, 'alice', 'stampCard', { eventId: 'sf', code: codes.sfA0 })).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
  })
})
