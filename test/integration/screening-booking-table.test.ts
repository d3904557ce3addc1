/**
 * The console's bookings table (issue 18): one programme's bookings paged, filtered (site, session, status)
 * and sorted (session time, booked time) by the function on declared indexes, with the total; each row
 * masked exactly as the masked export's. Bookings are written straight to the emulator: the booking path
 * is not what is tested here.
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { createScreeningFunction } from '../../cloudfunctions/screening/index'
import type { BookingDoc, LedgerStatus, SessionDoc } from '../../cloudfunctions/screening/screening.docs'
import type { BookingRowDTO, BookingsExportDTO, BookingTableDTO } from '~types/screening'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { programmeRequest, seedProgramme, seedRole } from './screening.fixtures'

const T0 = Date.UTC(2027, 2, 8, 2, 0)
const main = createScreeningFunction({ clock: () => T0 })
const PROG = 'prog-table'
let emu: TestEmulator
let sessions: SessionDoc[]
let docs: BookingDoc[]
const LIVE = ['booked', 'checked_in', 'no_show']
/** 60 bookings over 6 sessions at two sites; every seventh cancelled, every eleventh still pending. */
const statusOf = (i: number): LedgerStatus =>
  i % 7 === 0 ? 'cancelled' : i % 11 === 0 ? 'pending' : i % 5 === 0 ? 'checked_in' : i % 13 === 0 ? 'no_show' : 'booked'

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedRole(emu.db, 'officer', { role: 'officer' })
  await seedProgramme(emu.db, programmeRequest(T0, { id: PROG, sites: ['site-a', 'site-b'], sessions: 3, perSession: 30 }), T0)
  sessions = ((await emu.db.collection(COLLECTIONS.screeningSessions).where({ programmeId: PROG }).get()).data as SessionDoc[]).sort(
    (a, b) => a.startAt - b.startAt || a._id.localeCompare(b._id),
  )
  docs = Array.from({ length: 60 }, (_x, i) => {
    const s = sessions[(i * 5) % sessions.length]
    return {
      _id: `${PROG}:w${i}`,
      programmeId: PROG,
      openid: `w${i}`,
      ref: `bk${String(i).padStart(3, '0')}`,
      status: statusOf(i),
      claimId: `c${i}`,
      placeId: `p${i}`,
      sessionId: s._id,
      siteId: s.siteId,
      quotaId: null,
      member: {
        name: `王秀英${i}`,
        cardNo: `3201${String(i).padStart(6, '0')}`,
        phone: `1390000${String(i).padStart(4, '0')}`,
        branch: '美团外卖骑手联合工会',
      },
      pendingAt: T0 + ((i * 7) % 60) * 1000,
      bookedAt: T0 + ((i * 7) % 60) * 1000 + 5,
      consent: { version: 'v1', at: T0 },
      notice: 'none',
      reminderSentAt: null,
      checkedInAt: null,
      cancelledAt: null,
      noShowAt: null,
      resultReady: i % 4 === 0,
      rescheduling: null,
      updatedAt: T0,
    }
  })
  await emu.db.collection(COLLECTIONS.screeningBookings).add(docs)
})
afterAll(() => emu.stop())

const table = (input: object) => invoke<BookingTableDTO>(main, 'officer', 'bookingTable', { programmeId: PROG, ...input }).then(okData)
/** Every page of a query, in order. */
async function allPages(input: object): Promise<BookingRowDTO[]> {
  const out: BookingRowDTO[] = []
  for (let page = 0; ; page++) {
    const p = await table({ ...input, page, pageSize: 10 })
    out.push(...p.items)
    if (out.length >= p.total || p.items.length === 0) return out
  }
}
const startOf = (r: BookingRowDTO) => sessions.find((s) => s._id === r.sessionId)!.startAt

it('pages the live bookings by booked time with the total; pages neither repeat nor skip', async () => {
  const live = docs.filter((d) => LIVE.includes(d.status))
  const first = await table({ pageSize: 10 })
  expect(first.total).toBe(live.length)
  expect(first.sessions.map((s) => s.id)).toEqual(sessions.map((s) => s._id))
  expect(first.sites.map((s) => s.id).sort()).toEqual(['site-a', 'site-b'])
  const rows = await allPages({})
  expect(rows.map((r) => r.bookingId).sort()).toEqual(live.map((d) => d.ref).sort())
  expect(rows.map((r) => r.bookedAt)).toEqual([...rows.map((r) => r.bookedAt)].sort((a, b) => a - b))
  const desc = await allPages({ sort: { field: 'bookedAt', order: 'desc' } })
  expect(desc.map((r) => r.bookedAt)).toEqual([...rows.map((r) => r.bookedAt)].reverse())
})

it('sorts by session time across sites and pages, both ways', async () => {
  const asc = await allPages({ sort: { field: 'sessionAt', order: 'asc' } })
  expect(asc).toHaveLength(docs.filter((d) => LIVE.includes(d.status)).length)
  expect(new Set(asc.map((r) => r.bookingId)).size).toBe(asc.length)
  expect(asc.map(startOf)).toEqual([...asc.map(startOf)].sort((a, b) => a - b))
  const desc = await allPages({ sort: { field: 'sessionAt', order: 'desc' } })
  expect(desc.map(startOf)).toEqual([...asc.map(startOf)].reverse())
  const site = await allPages({ siteId: 'site-b', sort: { field: 'sessionAt', order: 'asc' } })
  expect(site.every((r) => r.site.startsWith('site-b'))).toBe(true)
  expect(site.map(startOf)).toEqual([...site.map(startOf)].sort((a, b) => a - b))
})

it('filters by site, session and status (cancelled only when asked; a pending claim never)', async () => {
  const count = (f: (d: BookingDoc) => boolean) => docs.filter(f).length
  const s = sessions[2]
  expect((await table({ siteId: 'site-a' })).total).toBe(count((d) => LIVE.includes(d.status) && d.siteId === 'site-a'))
  const one = await allPages({ sessionId: s._id })
  expect(one.length).toBe(count((d) => LIVE.includes(d.status) && d.sessionId === s._id))
  expect(one.every((r) => r.sessionId === s._id && r.date === s.date && r.time === `${s.start}–${s.end}`)).toBe(true)
  expect((await table({ status: 'cancelled' })).total).toBe(count((d) => d.status === 'cancelled'))
  expect((await table({ status: 'booked', sessionId: s._id })).total).toBe(count((d) => d.status === 'booked' && d.sessionId === s._id))
  expect(
    (await table({ status: 'checked_in', sort: { field: 'sessionAt', order: 'asc' } })).items.every((r) => r.status === 'checked_in'),
  ).toBe(true)
})

it('masks every row exactly as the masked export does; only officers of the programme read it', async () => {
  const rows = await allPages({})
  const exp = okData(await invoke<BookingsExportDTO>(main, 'officer', 'exportBookings', { programmeId: PROG }))
  for (const r of rows) {
    const { sessionId: _s, bookedAt: _b, ...asExported } = r
    expect(asExported).toEqual(exp.rows.find((x) => x.bookingId === r.bookingId))
  }
  expect(JSON.stringify(rows)).not.toMatch(/王秀英\d|1390000\d{4}|3201\d{6}|openid/)
  expect(await invoke(main, 'w1', 'bookingTable', { programmeId: PROG })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect((await invoke(main, 'officer', 'bookingTable', { programmeId: 'prog-none' })).ok).toBe(false)
  expect(await invoke(main, 'officer', 'bookingTable', { programmeId: PROG, sort: { field: 'phone', order: 'asc' } })).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
  })
})
