/**
 * Issue 8, server halves for the events desks: the gift desk's repeat warning
 * is Chinese with no English "by" (defect 2), and a member's gift and check-in
 * code pages can ask whether staff have confirmed (已领取 / 已签到, defect 8).
 */
import { env } from '../../cloudfunctions/common/env'
import { createTokenService } from '../../cloudfunctions/common/qr-token.service'
import { createEventsFunction } from '../../cloudfunctions/events'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { giveStamp, seedFair, seedMember, staffOf, T0 } from './events-fixtures'

let emu: TestEmulator
const main = createEventsFunction({ clock: () => T0 })

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedFair(emu.db, { id: 'st' })
  await seedMember(emu.db, 'staff-st', '刘洋', staffOf('st'))
  await seedMember(emu.db, 'her', '李明')
  await giveStamp(emu.db, 'st', 'stA0', 'A', 'her')
})
afterAll(() => emu.stop())

test('gift desk wording and her gift code page learning 已领取', async () => {
  const status = () => invoke(main, 'her', 'codeStatus', { eventId: 'st', tierId: 'stT' })
  expect(okData(await status())).toEqual({ done: false, title: null, detail: null, at: null })
  const token = okData(await invoke(main, 'her', 'giftCode', { eventId: 'st', tierId: 'stT' })).token
  expect(okData(await invoke(main, 'staff-st', 'previewGift', { eventId: 'st', token }))).toMatchObject({
    status: 'ready',
    message: '可兑换：关公贴',
  })
  expect(okData(await invoke(main, 'staff-st', 'redeemGift', { eventId: 'st', token, desk: '1号兑换台' }))).toMatchObject({
    outcome: 'granted',
    message: '兑换成功 10:00 · 1号兑换台',
  })
  expect(okData(await status())).toEqual({ done: true, title: '已领取', detail: '关公贴 · 10:00 · 1号兑换台', at: T0 })
  const again = okData(await invoke(main, 'staff-st', 'redeemGift', { eventId: 'st', token, desk: '2号兑换台' }))
  expect(again).toMatchObject({ outcome: 'already-redeemed', message: '已兑换 10:00 · 1号兑换台（请勿重复发放）' })
  expect(okData(await invoke(main, 'staff-st', 'previewGift', { eventId: 'st', token }))).toMatchObject({
    status: 'redeemed',
    message: '已兑换 10:00 · 1号兑换台',
  })
  expect(JSON.stringify(again)).not.toMatch(/\bby\b/)
  // the card a stamp answers with shows the gift from her card's own note (no read of the redemptions)
  const codes = createTokenService(env().qrKeys, () => T0)
  const stamped = okData(await invoke(main, 'her', 'stamp', { code: codes.issuePrinted('booth', 'stB0', 0), eventId: 'st' }))
  expect(stamped.card.tiers[0].redeemed).toEqual({ redeemedAt: T0, desk: '1号兑换台' })
  expect(await invoke(main, 'her', 'codeStatus', { eventId: 'st', tierId: 'nope' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  expect(await invoke(main, 'her', 'codeStatus', { eventId: 'nope' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
})

test('check-in wording and her check-in code page learning 已签到', async () => {
  const status = () => invoke(main, 'her', 'codeStatus', { eventId: 'st' })
  expect(okData(await status())).toMatchObject({ done: false })
  const token = okData(await invoke(main, 'her', 'myCheckInCode', { eventId: 'st' })).token
  expect(okData(await invoke(main, 'staff-st', 'checkIn', { eventId: 'st', checkpointId: 'stS', token }))).toMatchObject({
    status: 'checked-in',
    message: '签到成功 10:00',
  })
  expect(okData(await status())).toEqual({ done: true, title: '已签到', detail: '10:00 · 起点', at: T0 })
  expect(okData(await invoke(main, 'staff-st', 'checkIn', { eventId: 'st', checkpointId: 'stS', token }))).toMatchObject({
    status: 'already',
    message: '已签到 10:00',
  })
})
