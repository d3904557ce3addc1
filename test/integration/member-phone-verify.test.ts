/**
 * 手机号快速验证 (issue 16): the number WeChat vouches for, through the port to the local WeChat,
 * binds the roster record holding it exactly as name-and-card verification does; a number on no
 * record, a used or made-up code and the switch off are refused, binding nothing.
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { resetEnvCache } from '../../cloudfunctions/common/env'
import type { RosterDoc } from '../../cloudfunctions/common/member-docs'
import { createMemberFunction } from '../../cloudfunctions/member/index'
import type { MeDTO } from '~types/member'
import { seedOfficer } from '../support/accounts'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'

let emu: TestEmulator
const now = Date.UTC(2026, 4, 1, 2, 0)
const main = createMemberFunction({ clock: () => now })
const saved = process.env.WX_PHONE_NUMBER
const PAID = 'phonenumber.getPhoneNumber' as const

const CSV = [
  '姓名,会员证号,手机号,所属工会,标签,性别,出生日期',
  '李明,GH3201000123,13800000123,秦淮区总工会,,男,1988-06-01',
  '王秀英,GH3201000456,13900000456,美团外卖秦淮站点工会,新就业形态|女职工,女,1990-02-14',
  '张建国,GH3201000789,13700000789,鼓楼区总工会,劳模,男,1968-10-01',
].join('\n')

const roster = async (id: string) => ((await emu.db.collection(COLLECTIONS.roster).doc(id).get()).data as RosterDoc[])[0]
const user = async (openid: string) => ((await emu.db.collection(COLLECTIONS.users).doc(openid).get()).data as { rosterId?: string }[])[0]
const switchTo = (on: boolean) => {
  process.env.WX_PHONE_NUMBER = on ? 'on' : 'off'
  resetEnvCache()
}

beforeAll(async () => {
  emu = await startTestEmulator()
  switchTo(true)
  await seedOfficer(emu.db, 'pv-officer', now)
  okData(await invoke(main, 'pv-officer', 'importRoster', { csv: CSV }))
})
afterAll(async () => {
  if (saved === undefined) delete process.env.WX_PHONE_NUMBER
  else process.env.WX_PHONE_NUMBER = saved
  resetEnvCache()
  await emu.stop()
})

it('a code for a roster phone binds that member as name-and-card verification does', async () => {
  const me = okData(await invoke<MeDTO>(main, 'pv-li', 'verifyByPhone', { code: emu.wechat.phoneCode('13800000123') }))
  expect(me.verified).toBe(true)
  expect(me.profile).toMatchObject({ name: '李明', cardNo: 'GH3201000123', phone: '13800000123' })
  expect((await roster('GH3201000123')).boundOpenid).toBe('pv-li')
  expect((await user('pv-li'))?.rosterId).toBe('GH3201000123')
  // Verified once: a second quick verification is refused before WeChat is paid again.
  const calls = emu.wechat.calls(PAID)
  const again = await invoke(main, 'pv-li', 'verifyByPhone', { code: emu.wechat.phoneCode('13900000456') })
  expect(again).toMatchObject({ ok: false, code: 'ALREADY_VERIFIED' })
  expect(emu.wechat.calls(PAID)).toBe(calls)
})

it('a retry with the same request id answers the first outcome (the code is single use)', async () => {
  const code = emu.wechat.phoneCode('13700000789')
  const first = okData(await invoke<MeDTO>(main, 'pv-zhang', 'verifyByPhone', { code }, 'pv-retry-1'))
  const retry = okData(await invoke<MeDTO>(main, 'pv-zhang', 'verifyByPhone', { code }, 'pv-retry-1'))
  expect(retry).toEqual(first)
})

it('a number on no roster record is refused PHONE_NOT_ON_ROSTER and binds nothing', async () => {
  const r = await invoke(main, 'pv-stranger', 'verifyByPhone', { code: emu.wechat.phoneCode('13012345678') })
  expect(r).toMatchObject({ ok: false, code: 'PHONE_NOT_ON_ROSTER' })
  expect(r.ok || r.message).toContain('不在会员名册中')
  expect((await user('pv-stranger'))?.rosterId ?? null).toBeNull()
  expect(okData(await invoke<MeDTO>(main, 'pv-stranger', 'me', {})).verified).toBe(false)
})

it('a used or made-up code is refused PHONE_CODE_INVALID and binds nothing', async () => {
  const code = emu.wechat.phoneCode('13900000456')
  okData(await invoke(main, 'pv-other', 'verifyByPhone', { code }))
  expect((await roster('GH3201000456')).boundOpenid).toBe('pv-other')
  // WeChat's codes are single use: the same code again, from another account, is refused by WeChat.
  const reused = await invoke(main, 'pv-wang', 'verifyByPhone', { code })
  expect(reused).toMatchObject({ ok: false, code: 'PHONE_CODE_INVALID', field: 'code' })
  const madeUp = await invoke(main, 'pv-wang', 'verifyByPhone', { code: 'not-a-code-from-wechat' })
  expect(madeUp).toMatchObject({ ok: false, code: 'PHONE_CODE_INVALID' })
  expect((await user('pv-wang'))?.rosterId ?? null).toBeNull()
})

it('a record bound to another account is ROSTER_ALREADY_BOUND, as for name and card', async () => {
  const r = await invoke(main, 'pv-second', 'verifyByPhone', { code: emu.wechat.phoneCode('13800000123') })
  expect(r).toMatchObject({ ok: false, code: 'ROSTER_ALREADY_BOUND' })
  expect((await roster('GH3201000123')).boundOpenid).toBe('pv-li')
})

it('shares the verification budget with name-and-card attempts (RATE_LIMITED after 5)', async () => {
  for (let i = 0; i < 4; i++) {
    const miss = await invoke(main, 'pv-guess', 'verify', { name: '某某', cardNo: `GH99990000${i}` })
    expect(miss).toMatchObject({ ok: false, code: 'VERIFY_MISMATCH' })
  }
  const fifth = await invoke(main, 'pv-guess', 'verifyByPhone', { code: emu.wechat.phoneCode('13012345679') })
  expect(fifth).toMatchObject({ ok: false, code: 'PHONE_NOT_ON_ROSTER', details: { attemptsLeft: 0 } })
  const calls = emu.wechat.calls(PAID)
  const sixth = await invoke(main, 'pv-guess', 'verifyByPhone', { code: emu.wechat.phoneCode('13012345679') })
  expect(sixth).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
  expect(emu.wechat.calls(PAID)).toBe(calls) // no paid call once the budget is spent
})

it('WeChat busy is WECHAT_UNAVAILABLE and binds nothing', async () => {
  emu.wechat.failNext(PAID, -1)
  const r = await invoke(main, 'pv-busy', 'verifyByPhone', { code: emu.wechat.phoneCode('13900000456') })
  expect(r).toMatchObject({ ok: false, code: 'WECHAT_UNAVAILABLE' })
  expect((await user('pv-busy'))?.rosterId ?? null).toBeNull()
})

it('switched off: PHONE_VERIFY_OFF before any paid call', async () => {
  switchTo(false)
  try {
    const calls = emu.wechat.calls(PAID)
    const r = await invoke(main, 'pv-off', 'verifyByPhone', { code: emu.wechat.phoneCode('13900000456') })
    expect(r).toMatchObject({ ok: false, code: 'PHONE_VERIFY_OFF' })
    expect(emu.wechat.calls(PAID)).toBe(calls)
    expect((await user('pv-off'))?.rosterId ?? null).toBeNull()
  } finally {
    switchTo(true)
  }
})
