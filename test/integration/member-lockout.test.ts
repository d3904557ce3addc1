import { createMemberFunction } from '../../cloudfunctions/member/index'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { seedOfficer } from '../support/accounts'
import { invoke, okData } from '../support/invoke'

/** Issue 8 defect 17: she is warned on her last tries and, once locked out, told when to try again. */
let emu: TestEmulator
const T0 = Date.UTC(2026, 4, 1, 2, 0) // 10:00 in Beijing
let now = T0
const main = createMemberFunction({ clock: () => now })

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedOfficer(emu.db, 'o-officer', now)
  okData(await invoke(main, 'o-officer', 'importRoster', { csv: '姓名,会员证号,所属工会\n王秀英,GH3201000456,南京市鼓楼区总工会' }))
})
afterAll(() => emu.stop())

it('counts down the last tries, then names the time to come back, and lets her in after it', async () => {
  const wrong = () => invoke(main, 'o-wang', 'verify', { name: '王秀英', cardNo: 'GH3201000999' })
  expect(await wrong()).toMatchObject({
    code: 'VERIFY_MISMATCH',
    details: { attemptsLeft: 4 },
    message: '姓名与会员证号（或手机号）不匹配，请核对后重试',
  })
  now = T0 + 60_000
  expect(await wrong()).toMatchObject({ code: 'VERIFY_MISMATCH', details: { attemptsLeft: 3 } })
  expect(await wrong()).toMatchObject({
    code: 'VERIFY_MISMATCH',
    details: { attemptsLeft: 2, retryAt: T0 + 15 * 60_000 },
    message: expect.stringContaining('还可尝试 2 次，用完后需等待至 10:15'),
  })
  expect(await wrong()).toMatchObject({ details: { attemptsLeft: 1 }, message: expect.stringContaining('还可尝试 1 次') })
  expect(await wrong()).toMatchObject({
    code: 'VERIFY_MISMATCH',
    details: { attemptsLeft: 0, retryAt: T0 + 15 * 60_000 },
    message: expect.stringContaining('请在 10:15 后再试（约 14 分钟后）'),
  })
  const locked = await invoke(main, 'o-wang', 'verify', { name: '王秀英', cardNo: 'GH3201000456' })
  expect(locked).toMatchObject({
    ok: false,
    code: 'RATE_LIMITED',
    details: { attemptsLeft: 0, retryAt: T0 + 15 * 60_000 },
    message: '尝试次数过多，请在 10:15 后再试（约 14 分钟后）',
  })
  now = T0 + 15 * 60_000 + 1
  expect(okData(await invoke(main, 'o-wang', 'verify', { name: '王秀英', cardNo: 'GH3201000456' }))).toMatchObject({ verified: true })
})

it('a retry of a refused request (same request id) gets the same message and details', async () => {
  const first = await invoke(main, 'o-zhao', 'verify', { name: '赵敏', cardNo: 'GH3201000999' }, 'retry-verify-0001')
  expect(await invoke(main, 'o-zhao', 'verify', { name: '赵敏', cardNo: 'GH3201000999' }, 'retry-verify-0001')).toEqual(first)
  expect(first).toMatchObject({ details: { attemptsLeft: 4 } })
})
