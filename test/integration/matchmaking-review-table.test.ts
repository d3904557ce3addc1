/**
 * The console's review queue (issue 18): `reviewTable` pages, filters and sorts on the function with the
 * balance per gender; `decideMany` decides many sign-ups in one call and leaves places, sector places and
 * the waiting list exactly as the same `decide`s one by one leave a twin mixer; refusals per row; a retry
 * with the same request id (answered, or re-run after a crash) changes nothing. `mixerTable` pages mixers.
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { readAll } from '../../cloudfunctions/common/paginate'
import { createMatchmakingFunction } from '../../cloudfunctions/matchmaking/index'
import type { PlaceDoc, SignupDoc } from '../../cloudfunctions/matchmaking/matchmaking.docs'
import type { DecideManyResultDTO, ReviewTableDTO } from '~types/matchmaking'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { HOUR, mixerRequest, OFFICER, prepare, seedOfficer, seedPeople, type Person } from './matchmaking-fixtures'

jest.setTimeout(60_000)

const T0 = Date.UTC(2027, 7, 1, 2, 0)
let now = T0
const main = createMatchmakingFunction({ clock: () => now })
let emu: TestEmulator
const WOMEN: Person[] = Array.from({ length: 14 }, (_x, i) => ({ openid: `tf-${i}`, gender: 'F' }))
const MEN: Person[] = Array.from({ length: 14 }, (_x, i) => ({ openid: `tm-${i}`, gender: 'M' }))
/** Twin mixers, the same people signed up in the same order: A is decided in bulk, B one by one. */
let A: string
let B: string

const rows = (mixerId: string) => readAll<SignupDoc>(emu.db.collection(COLLECTIONS.mixerSignups).where({ mixerId }))
const byOpenid = async (mixerId: string) => new Map((await rows(mixerId)).map((d) => [d.openid, d]))

/** Everything a decision moves, named by person so the twins compare: states, line order, offers, who holds each place. */
async function snapshot(mixerId: string) {
  const docs = await rows(mixerId)
  const who = new Map(docs.map((d) => [d.ref, d.openid]))
  const places = (await emu.db.collection(COLLECTIONS.mixerPlaces).where({ mixerId }).get()).data as PlaceDoc[]
  return {
    signups: docs
      .map((d) => ({ o: d.openid, state: d.state, seq: d.seq, reason: d.rejectReason, offer: d.offerExpiresAt }))
      .sort((a, b) => a.o.localeCompare(b.o)),
    places: places
      .map((p) => ({
        place: p._id.slice(mixerId.length),
        left: p.left,
        holders: Object.values(p.holders as Record<string, { ref: string }>)
          .map((h) => who.get(h.ref))
          .sort(),
      }))
      .sort((a, b) => a.place.localeCompare(b.place)),
  }
}

const table = (input: object) => invoke<ReviewTableDTO>(main, OFFICER, 'reviewTable', { mixerId: A, ...input }).then(okData)

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedPeople(emu.db, [...WOMEN, ...MEN])
  await seedOfficer(emu.db)
  const req = mixerRequest(T0, { placesByGender: { M: 10, F: 10 }, sectorQuotas: { 企业: 20 }, review: 'officer', offerHoldMinutes: 30 })
  A = okData(await invoke(main, OFFICER, 'saveMixer', { ...req, title: '审核甲场' })).id
  B = okData(await invoke(main, OFFICER, 'saveMixer', { ...req, title: '审核乙场' })).id
  await prepare(main, [...WOMEN, ...MEN])
  // one after another, alternating genders: the same order (and waiting-list seq) on both mixers
  for (let i = 0; i < 14; i++)
    for (const p of [WOMEN[i], MEN[i]]) {
      now += 1000 // distinct sign-up times: the table's order is theirs
      for (const m of [A, B]) okData(await invoke(main, p.openid, 'signUp', { mixerId: m }))
    }
})
afterAll(() => emu.stop())

it('pages the queue on the function: filters, sort, totals, and the exact balance per gender', async () => {
  const all = await table({ pageSize: 10 })
  expect(all.total).toBe(28)
  expect(all.summary).toEqual([
    { gender: 'F', places: 10, left: 0, review: 10, approved: 0, waiting: 4, offered: 0 },
    { gender: 'M', places: 10, left: 0, review: 10, approved: 0, waiting: 4, offered: 0 },
  ])
  const review = await table({ status: 'review', gender: 'F', pageSize: 10 })
  expect([review.total, review.items.length]).toEqual([10, 10])
  expect(review.items.every((r) => r.gender === 'F' && r.status === 'review')).toBe(true)
  const waiting = await table({ status: 'waiting', gender: 'M', pageSize: 10 })
  expect(waiting.items.map((r) => r.position)).toEqual([1, 2, 3, 4])
  const sector = await table({ sector: '企业', pageSize: 100 })
  expect(sector.total).toBe((await rows(A)).filter((d) => d.profile.sector === '企业').length)
  // pages neither repeat nor skip; desc is the reverse order
  const p0 = await table({ pageSize: 10, page: 0 })
  const p2 = await table({ pageSize: 10, page: 2 })
  const asc = [...p0.items, ...(await table({ pageSize: 10, page: 1 })).items, ...p2.items].map((r) => r.ref)
  expect(new Set(asc).size).toBe(28)
  const desc = await table({ pageSize: 100, sort: { field: 'signedUpAt', order: 'desc' } })
  expect(desc.items.map((r) => r.ref)).toEqual([...asc].reverse())
  expect(JSON.stringify(all)).not.toMatch(/openid|tf-|139\d{8}/)
  const bad = await invoke(main, OFFICER, 'reviewTable', { mixerId: A, sort: { field: 'nickname', order: 'asc' } })
  expect(bad).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' })
  expect(await invoke(main, WOMEN[0].openid, 'reviewTable', { mixerId: A })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
})

/** The same decisions, in the same order, one `decide` each on the twin. */
async function oneByOne(approve: boolean, openids: string[], reason?: string): Promise<string[]> {
  const docs = await byOpenid(B)
  const out: string[] = []
  for (const o of openids) {
    const ref = docs.get(o)?.ref ?? 'no-such-ref'
    const r = await invoke(main, OFFICER, 'decide', { mixerId: B, ref, approve, ...(reason ? { reason } : {}) })
    out.push(r.ok ? 'ok' : r.code)
  }
  return out
}

async function inBulk(approve: boolean, openids: string[], requestId: string, reason?: string): Promise<DecideManyResultDTO> {
  const docs = await byOpenid(A)
  const refs = openids.map((o) => docs.get(o)?.ref ?? 'no-such-ref')
  return okData(await invoke(main, OFFICER, 'decideMany', { mixerId: A, refs, approve, ...(reason ? { reason } : {}) }, requestId))
}

it('rejects many in one call: each place passes down the line exactly as one decide after another would; refusals per row', async () => {
  const who = [...WOMEN.slice(0, 3), WOMEN[12], { openid: 'nobody' }].map((p) => p.openid) // three in review, one waiting, one unknown
  const res = await inBulk(false, who, 'bulk-reject-1', '年龄不符合本场要求')
  expect(res.outcomes.map((o) => (o.ok ? 'ok' : o.code))).toEqual(await oneByOne(false, who, '年龄不符合本场要求'))
  expect([res.decided, res.refused]).toEqual([3, 2])
  const refused = res.outcomes.filter((o) => !o.ok)
  expect(refused.map((o) => !o.ok && o.message)).toEqual(['当前状态为“候补中”，不能不通过', '没有找到这条报名（可能已被删除）'])
  expect(await snapshot(A)).toEqual(await snapshot(B))
  // the first three in line now hold the places as timed offers; nothing became free while someone waits
  expect(res.summary.find((s) => s.gender === 'F')).toEqual({
    gender: 'F',
    places: 10,
    left: 0,
    review: 7,
    approved: 0,
    waiting: 1,
    offered: 3,
  })
  const line = [...(await byOpenid(A)).values()].filter((d) => d.gender === 'F' && ['offered', 'waiting'].includes(d.state))
  expect(line.sort((a, b) => a.seq! - b.seq!).map((d) => d.state)).toEqual(['offered', 'offered', 'offered', 'waiting'])
})

it('a retry with the same request id answers the first outcome and changes nothing, answered or re-run after a crash', async () => {
  const who = [...WOMEN.slice(0, 3), WOMEN[12], { openid: 'nobody' }].map((p) => p.openid)
  const before = await snapshot(A)
  const first = (await invoke(main, OFFICER, 'decideMany', { mixerId: A, refs: ['x'], approve: true }, 'bulk-reject-1')) as {
    data: DecideManyResultDTO
  }
  expect(first.data.decided).toBe(3) // the stored outcome, not a new run on the new input
  // the first call died after its decisions: its marker still pending, the retry runs the work again
  const died = await emu.db
    .collection(COLLECTIONS.requests)
    .where({ openid: OFFICER, state: 'done' })
    .update({ state: 'pending', startedAt: now })
  expect(died.updated).toBeGreaterThan(0)
  const rerun = await inBulk(false, who, 'bulk-reject-1', '年龄不符合本场要求')
  expect(rerun.outcomes.map((o) => (o.ok ? 'ok' : o.code))).toEqual(['ok', 'ok', 'ok', 'CONFLICT', 'NOT_FOUND'])
  expect(await snapshot(A)).toEqual(before)
})

it('approves many in one call as one by one would; rows no longer in review are refused by name', async () => {
  const inReview = async (m: string) => [...(await byOpenid(m)).values()].filter((d) => d.state === 'review').map((d) => d.openid)
  const who = [...(await inReview(A)), WOMEN[0].openid].sort() // and one rejected above
  const res = await inBulk(true, who, 'bulk-approve-1')
  expect(res.outcomes.map((o) => (o.ok ? 'ok' : o.code))).toEqual(await oneByOne(true, who))
  expect([res.decided, res.refused]).toEqual([17, 1])
  expect(await snapshot(A)).toEqual(await snapshot(B))
  expect(res.summary).toEqual([
    { gender: 'F', places: 10, left: 0, review: 0, approved: 7, waiting: 1, offered: 3 },
    { gender: 'M', places: 10, left: 0, review: 0, approved: 10, waiting: 4, offered: 0 },
  ])
  expect((await table({})).summary).toEqual(res.summary)
})

it('refuses a bulk past 100 rows, from a member, or on a mixer that does not exist, changing nothing', async () => {
  const before = await snapshot(A)
  const many = Array.from({ length: 101 }, (_x, i) => `ref${i}`)
  expect(await invoke(main, OFFICER, 'decideMany', { mixerId: A, refs: many, approve: true })).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
  })
  expect(await invoke(main, OFFICER, 'decideMany', { mixerId: A, refs: [], approve: true })).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
  })
  expect(await invoke(main, WOMEN[5].openid, 'decideMany', { mixerId: A, refs: ['x'], approve: true })).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  })
  expect(await invoke(main, OFFICER, 'decideMany', { mixerId: 'mx-none', refs: ['x'], approve: true })).toMatchObject({
    ok: false,
    code: 'NOT_FOUND',
  })
  expect(await snapshot(A)).toEqual(before)
})

it('pages mixers by date with phase and sign-up window filters', async () => {
  const later = okData(
    await invoke(main, OFFICER, 'saveMixer', mixerRequest(T0 + 48 * HOUR, { title: '下周场', signupOpensAt: T0 + HOUR })),
  ).id
  const page = (input: object) => invoke(main, OFFICER, 'mixerTable', input).then(okData)
  const all = await page({})
  expect(all.total).toBe(3)
  expect(all.items.at(-1).id).toBe(later) // soonest first
  expect((await page({ sort: { field: 'startsAt', order: 'desc' } })).items[0].id).toBe(later)
  expect((await page({ signup: 'upcoming' })).items.map((m: { id: string }) => m.id)).toEqual([later])
  expect((await page({ signup: 'open' })).total).toBe(2)
  expect((await page({ signup: 'closed' })).total).toBe(0)
  expect((await page({ phase: 'open', pageSize: 10, page: 0 })).total).toBe(3)
  expect((await page({ phase: 'matched' })).total).toBe(0)
})
