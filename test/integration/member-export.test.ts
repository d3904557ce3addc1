import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { createMemberFunction } from '../../cloudfunctions/member/index'
import { createScreeningFunction } from '../../cloudfunctions/screening/index'
import type { ResultDoc, WaitlistDoc } from '../../cloudfunctions/screening/screening.docs'
import type { DeletionRequestDTO, MyDataExport } from '~types/member'
import type { OutboxEntryDTO } from '~types/notices'
import type { SessionDTO } from '~types/screening'
import { localTemplateId } from '~types/notice-templates'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { giveStamp, seedFair, T0 as EVENT_T0 } from './events-fixtures'
import { programmeRequest, seedMembers, seedProgramme } from './screening.fixtures'
import { campaignInput, HOUR, merchant, setUpOfficer, vouchersHarness } from './vouchers-fixtures'

/** A member's export holds her records of every service, and nobody else's. */
const T0 = Date.UTC(2027, 2, 8, 2, 0) // 2027-03-08 10:00 Beijing
const PROG = 'prog-test'
let emu: TestEmulator
const screening = createScreeningFunction({ clock: () => T0 })
const member = createMemberFunction({ clock: () => T0 + 1000 })
const vouchers = vouchersHarness() // on its own clock (from T0), moved to the voucher's last day for its expiry reminder
const DAY = 24 * HOUR

/** She accepts the `voucher` opt-in and claims; the other claims without one. The timer reminds both near the end. */
async function seedVoucherNotices(): Promise<void> {
  await setUpOfficer(emu.db)
  const shop = await merchant(vouchers, '苏果超市（新街口店）')
  const input = campaignInput([shop], { name: '工会福利消费券', useEndsAt: T0 + 3 * DAY, remindDaysBefore: 1 })
  const { id } = await vouchers.ok<{ id: string }>('officer', 'createCampaign', input)
  emu.wechat.accept('her', [localTemplateId('vouchers', 'voucher'), localTemplateId('vouchers', 'voucher')])
  await vouchers.ok('her', 'subscribe', { topics: ['voucher'] })
  await vouchers.ok('her', 'subscribe', { topics: ['voucher'] }) // a second opt-in stays unspent
  for (const openid of ['her', 'other']) await vouchers.ok(openid, 'claim', { campaignId: id })
  vouchers.clock.now = T0 + 2 * DAY + HOUR
  await vouchers.main({ Type: 'Timer' } as never)
  vouchers.clock.now = T0
}

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedMembers(emu.db, [
    { openid: 'her', name: '王秀英' },
    { openid: 'other', name: '李红' },
  ])
  await seedProgramme(emu.db, programmeRequest(T0, { sessions: 2, perSession: 2 }), T0)
  const sessions = okData(await invoke<SessionDTO[]>(screening, 'her', 'listSessions', { programmeId: PROG, siteId: 'site-a' }))
  emu.wechat.accept('her', [localTemplateId('screening', 'booking'), localTemplateId('screening', 'result')])
  okData(await invoke(screening, 'her', 'subscribe', { topics: ['booking', 'result'] }))
  okData(await invoke(screening, 'her', 'book', { programmeId: PROG, sessionId: sessions[0].id, consentVersion: 'v1' }))
  okData(await invoke(screening, 'other', 'book', { programmeId: PROG, sessionId: sessions[1].id, consentVersion: 'v1' }))
  await screening({ Type: 'Timer' } as never, {}) // the timer delivers the confirmations
  // Her result as the site's staff would have marked it (stored shape of screening_results).
  const result: Omit<ResultDoc, '_id'> = {
    programmeId: PROG,
    openid: 'her',
    siteId: 'site-a',
    outcome: 'recheck',
    note: '建议复查',
    readyAt: T0 + 5000,
    markedBy: 'nurse',
  }
  await emu.db.collection(COLLECTIONS.screeningResults).doc(`${PROG}:her`).set(result)
  await emu.db.collection(COLLECTIONS.screeningBookings).doc(`${PROG}:her`).update({ resultReady: true })
  const entry: WaitlistDoc = {
    _id: 'wl-her',
    programmeId: PROG,
    openid: 'her',
    siteId: null,
    priority: false,
    rank: T0,
    status: 'left',
    toName: '王**',
    joinedAt: T0 - 1000,
    offer: null,
    updatedAt: T0,
  }
  await emu.db.collection(COLLECTIONS.screeningWaitlist).add(entry)
  await seedFair(emu.db, { id: 'sf' })
  // A collector with more stamps than one get() returns (1000), on booths that need not exist.
  for (let i = 0; i < 1005; i += 100) {
    await emu.db.collection(COLLECTIONS.eventStamps).add(
      Array.from({ length: Math.min(100, 1005 - i) }, (_x, j) => ({
        _id: `sf:b${i + j}:pager`,
        eventId: 'sf',
        boothId: `b${i + j}`,
        zoneId: 'A',
        openid: 'pager',
        stampedAt: EVENT_T0 + i + j,
      })),
    )
  }
  await giveStamp(emu.db, 'sf', 'sfA0', 'A', 'her', EVENT_T0)
  await giveStamp(emu.db, 'sf', 'sfB1', 'B', 'other', EVENT_T0)
  await emu.db
    .collection(COLLECTIONS.eventCheckins)
    .add({ _id: 'sfS:her', eventId: 'sf', checkpointId: 'sfS', openid: 'her', checkedInAt: EVENT_T0 + 60_000, via: 'self', staff: null })
  await emu.db.collection(COLLECTIONS.eventRedemptions).add({
    _id: 'sfT:other',
    eventId: 'sf',
    tierId: 'sfT',
    openid: 'other',
    state: 'confirmed',
    pendingAt: EVENT_T0,
    redeemedAt: EVENT_T0,
    desk: '1号台',
    staff: 'staff',
  })
  await seedVoucherNotices()
}, 60_000)
afterAll(() => emu.stop())

test('her export has her booking with its consent and result, her notices, her stamp and check-in', async () => {
  const data = okData(await invoke<MyDataExport>(member, 'her', 'exportMyData', {}))
  expect(data.profile).toMatchObject({ name: '王秀英' })
  expect(data.consents).toEqual([{ kind: 'screening-privacy', version: 'v1', at: T0 }])
  const s = data.services!.screening
  expect(s.bookings).toHaveLength(1)
  expect(s.bookings[0]).toMatchObject({
    programmeName: '两癌筛查（测试）',
    siteName: 'site-a 筛查点（市妇幼保健院）',
    status: 'booked',
    consent: { version: 'v1', at: T0 },
    checkedInAt: null,
    resultReady: true,
    result: { outcome: 'recheck', note: '建议复查', readyAt: T0 + 5000 },
  })
  expect(s.bookings[0].date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  expect(s.bookings[0].start).toBe('07:00')
  expect(s.noticeOptins).toMatchObject({ booking: 0, result: 1 })
  expect(s.notices.map((n) => [n.kind, n.delivered])).toEqual([['booking_confirmation', true]])
  // The confirmation opens HER booking: the booking page reads `id` (it once got `programmeId` and opened another one).
  const outbox = okData(await invoke<{ page: string }[]>(screening, 'her', 'myNotices', {}))
  expect(outbox.map((n) => n.page)).toEqual([`packages/screening/pages/booking/index?id=${PROG}`])
  expect(s.waitlist).toEqual([{ programmeName: '两癌筛查（测试）', siteName: null, status: 'left', joinedAt: T0 - 1000 }])
  const e = data.services!.events
  expect(e.stamps).toEqual([{ eventTitle: '测试集市sf', boothName: '展位A0', stampedAt: EVENT_T0 }])
  expect(e.checkIns).toEqual([{ eventTitle: '测试集市sf', checkpointName: '起点', checkedInAt: EVENT_T0 + 60_000 }])
  expect(e.redemptions).toEqual([])
  expect(e.signUps).toEqual([])
})

test('nothing of another member and no internals leak into her export', async () => {
  const text = JSON.stringify(okData(await invoke<MyDataExport>(member, 'her', 'exportMyData', {})))
  for (const leak of ['other', '李红', 'sfB1', '展位B1', '1号台', '_openid', 'openid', 'holders', 'nurse'])
    expect([leak, text.includes(leak)]).toEqual([leak, false])
  const theirs = okData(await invoke<MyDataExport>(member, 'other', 'exportMyData', {}))
  expect(theirs.services!.screening.bookings[0].result).toBeNull()
  expect(theirs.services!.events.redemptions).toEqual([
    { eventTitle: '测试集市sf', tierName: '集满档', gift: '关公贴', state: 'confirmed', redeemedAt: EVENT_T0, desk: '1号台' },
  ])
  expect(theirs.services!.events.stamps.map((x) => x.boothName)).toEqual(['展位B1'])
})

test('every record is exported, past the 1000 a single get() returns', async () => {
  const stamps = okData(await invoke<MyDataExport>(member, 'pager', 'exportMyData', {})).services!.events.stamps
  expect(stamps).toHaveLength(1005)
  expect(stamps[1004]).toEqual({ eventTitle: '测试集市sf', boothName: '', stampedAt: EVENT_T0 + 1004 })
})

test('a stranger gets an empty export of every service', async () => {
  const data = okData(await invoke<MyDataExport>(member, 'nobody', 'exportMyData', {}))
  expect(data).toMatchObject({
    profile: null,
    consents: [],
    services: {
      screening: { bookings: [], waitlist: [], noticeOptins: null, notices: [] },
      events: { signUps: [], stamps: [], redemptions: [], checkIns: [] },
      matchmaking: { signUps: [], matches: [], noticeOptins: null, notices: [] },
      vouchers: { vouchers: [], drawEntries: [], noticeOptins: null, notices: [] },
    },
  })
})

test('her export has her voucher expiry reminder and her voucher opt-in left; the other member has only his own', async () => {
  const v = okData(await invoke<MyDataExport>(member, 'her', 'exportMyData', {})).services!.vouchers!
  expect(v.vouchers.map((x) => x.campaignName)).toEqual(['工会福利消费券'])
  expect(v.noticeOptins).toEqual({ voucher: 1 }) // two opt-ins, one spent on the reminder
  expect(v.notices).toEqual([
    {
      kind: 'voucher_expiry',
      title: '优惠券到期提醒',
      fields: [
        { label: '券名称', value: '工会福利消费券' },
        { label: '到期时间', value: '2027年3月11日 10:00' },
        { label: '温馨提示', value: '消费券即将到期，请尽快使用' },
      ],
      createdAt: T0 + 2 * DAY + HOUR,
      delivered: true,
    },
  ])
  const theirs = okData(await invoke<MyDataExport>(member, 'other', 'exportMyData', {})).services!.vouchers!
  expect(theirs.notices!.map((n) => [n.kind, n.delivered])).toEqual([['voucher_expiry', false]])
  expect(theirs.noticeOptins).toBeNull()
})

test('once an officer carries out her deletion request, her voucher notices are gone from the outbox; the other keeps his', async () => {
  okData(await invoke(member, 'her', 'requestDeletion', {}))
  const [req] = okData(await invoke<DeletionRequestDTO[]>(member, 'officer', 'listDeletionRequests', {}))
  const done = okData(await invoke<DeletionRequestDTO>(member, 'officer', 'processDeletionRequest', { id: req.id }))
  expect(done.outcome!.erased).toEqual(expect.arrayContaining(['消费券通知 1 条', '筛查通知 1 条']))
  expect(await emu.db.collection(COLLECTIONS.outbox).where({ openid: 'her' }).count()).toMatchObject({ total: 0 })
  expect(await vouchers.ok<OutboxEntryDTO[]>('her', 'myNotices')).toEqual([])
  expect((await vouchers.ok<OutboxEntryDTO[]>('other', 'myNotices')).map((n) => n.kind)).toEqual(['voucher_expiry'])
  expect(okData(await invoke<MyDataExport>(member, 'her', 'exportMyData', {})).services!.vouchers!.notices).toEqual([])
})
