/**
 * A winning booking owes its confirmation instead of sending it in the tap
 * (issue 7 §6): the notice is sent once, when she reads her outbox or the
 * sweeper ticks, never twice however many readers race, and a session nobody
 * ever queued for spares the waiting-list look-up.
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { createScreeningFunction } from '../../cloudfunctions/screening/index'
import type { OutboxNoticeDTO, SessionDTO } from '~types/screening'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { localTemplateId } from '~types/notice-templates'
import { invoke, okData } from '../support/invoke'
import { programmeRequest, seedMembers, seedProgramme, seedRole } from './screening.fixtures'

const T0 = Date.UTC(2027, 2, 8, 2, 0)
const main = createScreeningFunction({ clock: () => T0 })
const PROG = 'prog-test'
let emu: TestEmulator
let sessions: SessionDTO[]

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedMembers(emu.db, [{ openid: 'w1' }, { openid: 'w2' }, { openid: 'w3' }])
  await seedRole(emu.db, 'officer', { role: 'officer' })
  await seedProgramme(emu.db, programmeRequest(T0, { sessions: 2, perSession: 1 }), T0)
  sessions = okData(await invoke<SessionDTO[]>(main, 'w1', 'listSessions', { programmeId: PROG, siteId: 'site-a' }))
})
afterAll(() => emu.stop())

const confirmations = async (openid: string) =>
  okData(await invoke<OutboxNoticeDTO[]>(main, openid, 'myNotices', {})).filter((n) => n.kind === 'booking_confirmation')

test('her confirmation is queued once, on her first look, however many looks race; the tick delivers it, spending one opt-in', async () => {
  emu.wechat.accept('w1', [localTemplateId('screening', 'booking'), localTemplateId('screening', 'booking')])
  okData(await invoke(main, 'w1', 'subscribe', { topics: ['booking'] }))
  okData(await invoke(main, 'w1', 'subscribe', { topics: ['booking'] }))
  okData(await invoke(main, 'w1', 'book', { programmeId: PROG, sessionId: sessions[0].id, consentVersion: 'v1' }))
  const raced = await Promise.all([confirmations('w1'), confirmations('w1'), confirmations('w1')])
  for (const seen of raced) expect(seen.length).toBeLessThanOrEqual(1)
  const mine = await confirmations('w1')
  expect(mine).toHaveLength(1)
  expect(mine[0]).toMatchObject({ state: 'queued', page: `packages/screening/pages/booking/index?id=${PROG}` })
  await main({ Type: 'Timer' } as never, {})
  expect(await confirmations('w1')).toMatchObject([{ state: 'delivered', delivered: true }])
  expect(emu.wechat.messages('w1')).toHaveLength(1)
  expect(emu.wechat.optInsLeft('w1', localTemplateId('screening', 'booking'))).toBe(1)
  const optin = (await emu.db.collection(COLLECTIONS.noticeOptins).doc('w1').get()).data[0] as { credits: Record<string, number> }
  expect(optin.credits.booking).toBe(1) // two opt-ins, one spent
})

test("the sweeper's tick sends what nobody looked at", async () => {
  okData(await invoke(main, 'w2', 'book', { programmeId: PROG, sessionId: sessions[1].id, consentVersion: 'v1' }))
  const owed = await emu.db.collection(COLLECTIONS.screeningBookings).where({ noticeDue: true }).get()
  expect(owed.data.map((b) => (b as { openid: string }).openid)).toEqual(['w2'])
  okData(await invoke(main, 'officer', 'sweep', {}))
  expect((await emu.db.collection(COLLECTIONS.screeningBookings).where({ noticeDue: true }).get()).data).toEqual([])
  // She never opted in: WeChat refuses it, recorded 未送达.
  expect(await confirmations('w2')).toMatchObject([{ state: 'refused', errcode: 43101, delivered: false }])
})

test('joining a waiting list marks the sessions, so her direct booking later leaves the line', async () => {
  const before = (await emu.db.collection(COLLECTIONS.screeningSessions).where({ programmeId: PROG }).get()).data as {
    waitlistOpened?: boolean
  }[]
  expect(before.every((s) => !s.waitlistOpened)).toBe(true)
  const r = okData(
    await invoke<{ outcome: string }>(main, 'w3', 'book', {
      programmeId: PROG,
      sessionId: sessions[0].id,
      consentVersion: 'v1',
      joinWaitlistIfFull: true,
    }),
  )
  expect(r.outcome).toBe('waitlisted')
  const after = (await emu.db.collection(COLLECTIONS.screeningSessions).where({ programmeId: PROG }).get()).data as {
    waitlistOpened?: boolean
  }[]
  expect(after.every((s) => s.waitlistOpened === true)).toBe(true)
  okData(await invoke(main, 'w1', 'cancel', { programmeId: PROG })) // her place goes to w3 as an offer
  const w = (await emu.db.collection(COLLECTIONS.screeningWaitlist).doc(`${PROG}:w3`).get()).data[0] as { status: string }
  expect(w.status).toBe('offered')
})
