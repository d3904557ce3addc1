/** Sign-up rush (issue #10 acceptance) and the waiting list: places exact, order kept, one sign-up per member. */
import { EventEmitter } from 'node:events'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { readAll } from '../../cloudfunctions/common/paginate'
import { createMatchmakingFunction } from '../../cloudfunctions/matchmaking/index'
import type { SignupDoc, PlaceDoc } from '../../cloudfunctions/matchmaking/matchmaking.docs'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { mixerRequest, OFFICER, prepare, seedOfficer, seedPeople, type Person } from './matchmaking-fixtures'

EventEmitter.defaultMaxListeners = 100

const T0 = Date.UTC(2027, 7, 1, 2, 0)
let now = T0
const main = createMatchmakingFunction({ clock: () => now })
let emu: TestEmulator
let mixerId: string
const MEN: Person[] = Array.from({ length: 150 }, (_x, i) => ({ openid: `rm-${i}`, gender: 'M' }))
const WOMEN: Person[] = Array.from({ length: 150 }, (_x, i) => ({ openid: `rf-${i}`, gender: 'F' }))

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedPeople(emu.db, [...MEN, ...WOMEN, { openid: 'eager', gender: 'F' }])
  await seedOfficer(emu.db)
  mixerId = okData(
    await invoke(main, OFFICER, 'saveMixer', mixerRequest(T0, { placesByGender: { M: 50, F: 50 }, offerHoldMinutes: 30 })),
  ).id
  await prepare(main, [...MEN, ...WOMEN, { openid: 'eager', gender: 'F' }])
}, 120_000)
afterAll(() => emu.stop())

const signups = async () => readAll<SignupDoc>(emu.db.collection(COLLECTIONS.mixerSignups).where({ mixerId }))
const place = async (g: 'M' | 'F') => (await emu.db.collection(COLLECTIONS.mixerPlaces).doc(`${mixerId}:${g}`).get()).data[0] as PlaceDoc

it('300 concurrent sign-ups for 50 + 50 places: exactly 50 + 50 taken, the rest waiting in order, nobody twice', async () => {
  const people = [...MEN, ...WOMEN].sort(() => Math.random() - 0.5)
  const results = await Promise.all(people.map((p) => invoke(main, p.openid, 'signUp', { mixerId })))
  const status = results.map((r) => okData(r).status)
  expect(status.filter((s) => s === 'approved')).toHaveLength(100)
  expect(status.filter((s) => s === 'waiting')).toHaveLength(200)
  const rows = await signups()
  expect(rows).toHaveLength(300)
  expect(new Set(rows.map((r) => r.openid)).size).toBe(300)
  for (const g of ['M', 'F'] as const) {
    const mine = rows.filter((r) => r.gender === g)
    expect(mine.filter((r) => r.state === 'approved')).toHaveLength(50)
    const p = await place(g)
    expect(p.left).toBe(0)
    expect(Object.keys(p.holders)).toHaveLength(50)
    // The waiting list is one line per gender: seq 1..100, each once, positions follow it.
    const waiting = mine.filter((r) => r.state === 'waiting').sort((a, b) => a.seq! - b.seq!)
    expect(waiting.map((r) => r.seq)).toEqual(Array.from({ length: 100 }, (_x, i) => i + 1))
  }
  const first = (await signups()).find((r) => r.gender === 'F' && r.seq === 1)!
  const tenth = (await signups()).find((r) => r.gender === 'F' && r.seq === 10)!
  expect(okData(await invoke(main, first.openid, 'getMixer', { mixerId })).signup.position).toBe(1)
  expect(okData(await invoke(main, tenth.openid, 'getMixer', { mixerId })).signup.position).toBe(10)
}, 60_000)

it('a member signing up again, or ten times at once, holds one sign-up', async () => {
  const again = await invoke(main, MEN[0].openid, 'signUp', { mixerId })
  expect(again.ok ? 'OK' : again.code).toBe('ALREADY_SIGNED_UP')
  const ten = await Promise.all(Array.from({ length: 10 }, () => invoke(main, 'eager', 'signUp', { mixerId })))
  expect(ten.filter((r) => r.ok)).toHaveLength(1)
  expect(ten.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.code))).toEqual(Array(9).fill('ALREADY_SIGNED_UP'))
  expect((await signups()).filter((r) => r.openid === 'eager')).toHaveLength(1)
})

it('a cancellation hands the place to the first in line as a timed offer; it expires to the next', async () => {
  const rows = await signups()
  const holder = rows.find((r) => r.gender === 'F' && r.state === 'approved')!
  const [w1, w2] = rows.filter((r) => r.gender === 'F' && r.state === 'waiting').sort((a, b) => a.seq! - b.seq!)
  expect(okData(await invoke(main, holder.openid, 'cancelSignup', { mixerId })).status).toBe('cancelled')
  const offered = okData(await invoke(main, w1.openid, 'getMixer', { mixerId })).signup
  expect(offered.status).toBe('offered')
  expect(offered.offerExpiresAt).toBe(now + 30 * 60_000)
  expect((await place('F')).left).toBe(0) // never free while someone waits
  now += 31 * 60_000
  const late = await invoke(main, w1.openid, 'acceptOffer', { mixerId })
  expect(late.ok ? 'OK' : late.code).toBe('OFFER_EXPIRED')
  const swept = okData(await invoke(main, OFFICER, 'sweep', {}))
  expect(swept.offersExpired).toBe(1)
  expect(okData(await invoke(main, w2.openid, 'getMixer', { mixerId })).signup.status).toBe('offered')
  expect(okData(await invoke(main, w2.openid, 'acceptOffer', { mixerId })).status).toBe('approved')
  const p = await place('F')
  expect(p.left).toBe(0)
  expect(Object.keys(p.holders)).toHaveLength(50)
  expect((await signups()).filter((r) => r.gender === 'F' && r.state === 'approved')).toHaveLength(50)
})

it('officer review: a sign-up holds its place while under review; a rejection passes it down with the reason', async () => {
  const id = okData(
    await invoke(main, OFFICER, 'saveMixer', mixerRequest(now, { title: '审核场', placesByGender: { M: 1, F: 1 }, review: 'officer' })),
  ).id
  const [a, b] = [WOMEN[0].openid, WOMEN[1].openid]
  expect(okData(await invoke(main, a, 'signUp', { mixerId: id })).status).toBe('review')
  expect(okData(await invoke(main, b, 'signUp', { mixerId: id })).status).toBe('waiting')
  const review = okData(await invoke(main, OFFICER, 'reviewList', { mixerId: id }))
  const women = review.balance.filter((x: { gender: string }) => x.gender === 'F')
  expect([
    women.reduce((n: number, x: { review: number }) => n + x.review, 0),
    women.reduce((n: number, x: { waiting: number }) => n + x.waiting, 0),
  ]).toEqual([1, 1])
  const row = review.rows.find((r: { status: string }) => r.status === 'review')
  expect(JSON.stringify(review)).not.toMatch(/openid|rf-0|1390/)
  okData(await invoke(main, OFFICER, 'decide', { mixerId: id, ref: row.ref, approve: false, reason: '资料不完整' }))
  const mine = okData(await invoke(main, a, 'getMixer', { mixerId: id })).signup
  expect([mine.status, mine.rejectReason]).toEqual(['rejected', '资料不完整'])
  expect(okData(await invoke(main, b, 'getMixer', { mixerId: id })).signup.status).toBe('offered')
  expect(okData(await invoke(main, b, 'acceptOffer', { mixerId: id })).status).toBe('review')
  const r2 = okData(await invoke(main, OFFICER, 'reviewList', { mixerId: id })).rows.find((r: { status: string }) => r.status === 'review')
  expect(okData(await invoke(main, OFFICER, 'decide', { mixerId: id, ref: r2.ref, approve: true })).status).toBe('approved')
  const denied = await invoke(main, WOMEN[5].openid, 'reviewList', { mixerId: id })
  expect(denied.ok ? 'OK' : denied.code).toBe('FORBIDDEN')
})

it('withdrawing the single statement withdraws the sign-ups; the place passes down', async () => {
  const rows = await signups()
  const holder = rows.find((r) => r.gender === 'M' && r.state === 'approved')!
  const next = rows.filter((r) => r.gender === 'M' && r.state === 'waiting').sort((a, b) => a.seq! - b.seq!)[0]
  okData(await invoke(main, holder.openid, 'withdrawStatement', {}))
  expect(okData(await invoke(main, holder.openid, 'getMixer', { mixerId })).signup.status).toBe('withdrawn')
  expect(okData(await invoke(main, next.openid, 'getMixer', { mixerId })).signup.status).toBe('offered')
  const card = okData(await invoke(main, holder.openid, 'getMixer', { mixerId }))
  expect(card.eligibility.reasons).toContain('请先签署单身承诺')
})

it('a place left free while someone waits (a release racing a new arrival) is offered by the timer to the first in line', async () => {
  const rows = await signups()
  const holder = rows.find((r) => r.gender === 'F' && r.state === 'approved')!
  const first = rows.filter((r) => r.gender === 'F' && r.state === 'waiting').sort((a, b) => a.seq! - b.seq!)[0]
  // What a lost race leaves behind: the place released to the pool instead of handed down.
  await emu.db.collection(COLLECTIONS.mixerSignups).doc(holder._id).update({ state: 'cancelled' })
  await emu.db
    .collection(COLLECTIONS.mixerPlaces)
    .doc(`${mixerId}:F`)
    .update({ left: emu.db.command.inc(1), [`holders.${holder.claimId}`]: emu.db.command.remove() })
  const swept = okData(await invoke(main, OFFICER, 'sweep', {}))
  expect(swept.offersMade).toBe(1)
  expect(okData(await invoke(main, first.openid, 'getMixer', { mixerId })).signup.status).toBe('offered')
  const p = await place('F')
  expect([p.left, Object.keys(p.holders).length]).toEqual([0, 50])
})

it('a sector quota caps that sector across both genders; a refused sign-up gives its gender place back', async () => {
  const id = okData(
    await invoke(
      main,
      OFFICER,
      'saveMixer',
      mixerRequest(now, { title: '行业名额场', placesByGender: { M: 5, F: 5 }, sectorQuotas: { 新就业形态: 1 } }),
    ),
  ).id
  const [a, b, c] = [MEN[10].openid, WOMEN[10].openid, WOMEN[11].openid]
  for (const o of [a, b, c]) okData(await invoke(main, o, 'signStatement', { version: 'v1' })) // an earlier test may have withdrawn one
  for (const o of [a, b]) okData(await invoke(main, o, 'saveProfile', { nickname: '骑手', sector: '新就业形态', intro: '送外卖三年' }))
  expect(okData(await invoke(main, a, 'signUp', { mixerId: id })).status).toBe('approved')
  const refused = await invoke(main, b, 'signUp', { mixerId: id })
  expect(refused.ok ? 'OK' : refused.code).toBe('SECTOR_FULL')
  okData(await invoke(main, c, 'saveProfile', { nickname: '老师', sector: '机关事业', intro: '小学老师' }))
  expect(okData(await invoke(main, c, 'signUp', { mixerId: id })).status).toBe('approved') // another sector: unaffected
  const left = okData(await invoke(main, c, 'getMixer', { mixerId: id })).left
  expect(left).toEqual({ M: 4, F: 4 })
})
