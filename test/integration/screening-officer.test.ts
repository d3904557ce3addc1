import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { createBookingRepository } from '../../cloudfunctions/screening/booking.repository'
import { createScreeningFunction } from '../../cloudfunctions/screening/index'
import { createPlaceStore } from '../../cloudfunctions/common/place-store'
import type { BookingsExportDTO, DashboardDTO, ProgrammeDTO, SessionDTO } from '~types/screening'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { HOUR, programmeRequest, seedMembers, seedProgramme, seedRole, sessionDocs } from './screening.fixtures'
import { localTemplateId } from '~types/notice-templates'
import type { OutboxNoticeDTO } from '~types/screening'

const T0 = Date.UTC(2027, 2, 8, 2, 0)
let now = T0
let emu: TestEmulator
const main = createScreeningFunction({ clock: () => now })
const PROG = 'prog-officer'

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedMembers(emu.db, [
    { openid: 'rider', branch: '美团外卖骑手联合工会', name: '王秀英' },
    { openid: 'driver', branch: '网约车司机工会联合会', name: '张丽' },
    { openid: 'driver2', branch: '网约车司机工会联合会' },
    { openid: 'crashed' },
    { openid: 'planner' },
  ])
  await seedRole(emu.db, 'officer', { role: 'officer' })
})
afterAll(() => emu.stop())

describe('createProgramme', () => {
  const req = () => ({
    ...programmeRequest(T0, { id: PROG, sessions: 2, perSession: 3 }),
    branchQuotas: [{ branch: '网约车司机工会联合会', quota: 1 }],
  })

  it('is for officers only and checks the figures add up, changing nothing when refused', async () => {
    expect(await invoke(main, 'rider', 'createProgramme', req())).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await invoke(main, 'officer', 'createProgramme', { ...req(), totalQuota: 7 })).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
      field: 'totalQuota',
    })
    expect(await invoke(main, 'officer', 'createProgramme', { ...req(), name: '' })).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
      field: 'name',
    })
    expect(await sessionDocs(emu.db, PROG)).toEqual([])
  })

  it('creates the programme with sessions and branch quotas; a second create with the same id is CONFLICT', async () => {
    const p = okData(await invoke<ProgrammeDTO>(main, 'officer', 'createProgramme', req()))
    expect(p).toMatchObject({
      id: PROG,
      totalQuota: 6,
      placesLeft: 6,
      status: 'open',
      branchQuotas: [{ branch: '网约车司机工会联合会', quota: 1, left: 1 }],
    })
    expect(await invoke(main, 'officer', 'createProgramme', req())).toMatchObject({ ok: false, code: 'CONFLICT', field: 'id' })
  })

  it('enforces the branch quota', async () => {
    const [s] = okData(await invoke<SessionDTO[]>(main, 'rider', 'listSessions', { programmeId: PROG, siteId: 'site-a' }))
    const data = { programmeId: PROG, sessionId: s.id, consentVersion: 'v1' }
    okData(await invoke(main, 'rider', 'book', data))
    okData(await invoke(main, 'driver', 'book', data))
    expect(await invoke(main, 'driver2', 'book', data)).toMatchObject({ ok: false, code: 'BRANCH_QUOTA_FULL' })
    expect((await sessionDocs(emu.db, PROG)).find((x) => x._id === s.id)?.left).toBe(1) // the session place came back
  })
})

describe('dashboard and export', () => {
  it('shows places per site and day and uptake per branch', async () => {
    const d = okData(await invoke<DashboardDTO>(main, 'officer', 'dashboard', { programmeId: PROG }))
    expect(d.totals).toMatchObject({ capacity: 6, booked: 2, left: 4, checkedIn: 0 })
    expect(d.bySiteDay).toHaveLength(1)
    expect(d.byBranch.find((b) => b.branch === '网约车司机工会联合会')).toMatchObject({
      quota: 1,
      booked: 1,
      eligibleMembers: 2,
      uptake: 0.5,
    })
    expect(await invoke(main, 'rider', 'dashboard', { programmeId: PROG })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('exports masked by default; full details only with a reason, which is audit-logged', async () => {
    const masked = okData(await invoke<BookingsExportDTO>(main, 'officer', 'exportBookings', { programmeId: PROG }))
    expect(masked.masked).toBe(true)
    expect(masked.rows.map((r) => r.name).sort()).toEqual(['张*', '王**'])
    expect(masked.rows.every((r) => r.phone.includes('****'))).toBe(true)
    expect(masked.csv.split('\n')[0]).toContain('手机号')
    expect(await invoke(main, 'officer', 'exportBookings', { programmeId: PROG, full: true })).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
      field: 'reason',
    })
    const full = okData(
      await invoke<BookingsExportDTO>(main, 'officer', 'exportBookings', { programmeId: PROG, full: true, reason: '与名册核对后电话随访' }),
    )
    expect(full.rows.some((r) => r.name === '王秀英')).toBe(true)
    const audit = (await emu.db.collection(COLLECTIONS.auditLog).where({ action: 'screening.exportFull' }).get()).data
    expect(audit).toMatchObject([{ actor: 'officer', reason: '与名册核对后电话随访' }])
  })
})

it('the sweeper returns a place held by a request that died after taking it', async () => {
  const [s] = await sessionDocs(emu.db, PROG)
  const id = `${PROG}:crashed`
  const stale = {
    _id: id,
    programmeId: PROG,
    openid: 'crashed',
    ref: 'crashref1',
    status: 'pending',
    claimId: 'c1',
    placeId: 'p1',
    sessionId: s._id,
    pendingAt: now,
  }
  await emu.db.collection(COLLECTIONS.screeningBookings).add(stale)
  expect(await createPlaceStore(emu.db, COLLECTIONS.screeningSessions).take(s._id, 'p1', { b: id })).toBe(true)
  const leftBefore = (await sessionDocs(emu.db, PROG)).find((x) => x._id === s._id)!.left
  expect(okData(await invoke(main, 'officer', 'sweep', {}))).toMatchObject({ stalePendingReleased: 0, orphanHoldsReleased: 0 }) // still fresh
  now += 2 * 60_000
  // The stale claim is given back with its place in one step (claim-ledger abandon), so no orphan is left for the second pass.
  expect(okData(await invoke(main, 'officer', 'sweep', {}))).toMatchObject({ stalePendingReleased: 1, orphanHoldsReleased: 0 })
  expect((await sessionDocs(emu.db, PROG)).find((x) => x._id === s._id)!.left).toBe(leftBefore + 1)
  expect(await invoke(main, 'rider', 'sweep', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
})

it('the sweeper sends the day-before reminder and the release reminder, each once', async () => {
  const later = { ...programmeRequest(now, { id: 'prog-later', sessions: 1, perSession: 2 }), releaseAt: now + HOUR }
  await seedProgramme(emu.db, later, now)
  okData(await invoke(main, 'planner', 'remindRelease', { programmeId: 'prog-later' }))
  // She ticked both booking notices: each is its own template and opt-in, and both reach her.
  emu.wechat.accept(
    'planner',
    (['release', 'booking', 'reminder'] as const).map((t) => localTemplateId('screening', t)),
  )
  okData(await invoke(main, 'planner', 'subscribe', { topics: ['release', 'booking', 'reminder'] }))
  const [s] = okData(await invoke<SessionDTO[]>(main, 'planner', 'listSessions', { programmeId: PROG, siteId: 'site-a' }))
  okData(await invoke(main, 'planner', 'book', { programmeId: PROG, sessionId: s.id, consentVersion: 'v1', notice: 'both' }))
  const kinds = async () =>
    okData(await invoke<OutboxNoticeDTO[]>(main, 'planner', 'myNotices', {}))
      .map((n) => n.kind)
      .sort()
  expect(await kinds()).toEqual(['booking_confirmation'])
  now = Math.max(now + HOUR, s.startAt - 20 * HOUR)
  expect(okData(await invoke(main, 'officer', 'sweep', {}))).toMatchObject({ remindersSent: 2 })
  expect(okData(await invoke(main, 'officer', 'sweep', {}))).toMatchObject({ remindersSent: 0 })
  const notices = okData(await invoke<OutboxNoticeDTO[]>(main, 'planner', 'myNotices', {}))
  expect(notices.map((n) => [n.kind, n.delivered]).sort()).toEqual([
    ['booking_confirmation', true],
    ['booking_reminder', true],
    ['release_reminder', true],
  ])
  expect(emu.wechat.messages('planner')).toHaveLength(3) // each reached her phone once
})

it('the timer trigger runs the sweep without a caller; a member cannot pose as the timer', async () => {
  const timer = await main({ Type: 'Timer', TriggerName: 'sweep' } as never, {})
  expect(timer).toMatchObject({ ok: true, data: { stalePendingReleased: 0 } })
  expect(await main({ Type: 'Timer', userInfo: { openId: 'rider' } } as never, {})).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
    field: 'action',
  })
})

it('the sweeper undoes a reschedule that died after taking the new place; her booking stays where it was', async () => {
  const [a, b] = (await sessionDocs(emu.db, PROG)).sort((x, y) => x._id.localeCompare(y._id))
  const ledger = createBookingRepository(emu.db)
  const mine = (await ledger.get(`${PROG}:rider`))!
  const other = mine.sessionId === a._id ? b : a
  const mark = { placeId: 'resched1', sessionId: other._id, siteId: 'site-a', at: now }
  expect(await ledger.updateIf(mine._id, { placeId: mine.placeId }, { rescheduling: emu.db.command.set(mark) })).toBe(true)
  expect(await createPlaceStore(emu.db, COLLECTIONS.screeningSessions).take(other._id, 'resched1', { b: mine._id })).toBe(true)
  now += 2 * 60_000
  expect(okData(await invoke(main, 'officer', 'sweep', {}))).toMatchObject({ orphanHoldsReleased: 1 })
  const after = (await ledger.get(mine._id))!
  expect(after).toMatchObject({ status: 'booked', sessionId: mine.sessionId, placeId: mine.placeId, rescheduling: null })
  const docs = await sessionDocs(emu.db, PROG)
  for (const d of docs) expect(d.left + Object.keys(d.holders).length).toBe(d.capacity)
  expect(docs.find((d) => d._id === other._id)!.holders).not.toHaveProperty('resched1')
})
