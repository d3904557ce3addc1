/**
 * Issue 15: the expiry reminder reaches a member who accepted the `voucher` opt-in when she claimed
 * (the client asks through src/services/subscribe.ts, then calls the kit's `subscribe`); without one it
 * is recorded as not delivered. Run through the function's timer, on a fixed clock.
 */
import { seedMembers } from './screening.fixtures'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import type { OutboxEntryDTO } from '~types/notices'
import { campaignInput, HOUR, merchant, setUpOfficer, T0, vouchersHarness } from './vouchers-fixtures'

let emu: TestEmulator
const h = vouchersHarness()
let campaignId: string
const DAY = 24 * HOUR

beforeAll(async () => {
  emu = await startTestEmulator()
  await setUpOfficer(emu.db)
  await seedMembers(emu.db, [
    { openid: 'opted', name: '王秀英' },
    { openid: 'silent', name: '李娜' },
  ])
  const shop = await merchant(h, '苏果超市（新街口店）')
  campaignId = (
    await h.ok('officer', 'createCampaign', campaignInput([shop], { name: '工会福利消费券', useEndsAt: T0 + 3 * DAY, remindDaysBefore: 1 }))
  ).id
}, 60_000)
afterAll(() => emu.stop())

it('a voucher claimed with the opt-in accepted gets its expiry reminder delivered when the timer runs near expiry; without one it is kept undelivered', async () => {
  h.clock.now = T0
  expect(await h.ok('opted', 'subscribe', { topics: ['voucher'] })).toEqual({ credits: { voucher: 1 } })
  const mine = await h.ok('opted', 'claim', { campaignId })
  const theirs = await h.ok('silent', 'claim', { campaignId })

  h.clock.now = T0 + DAY // two days before the end: not yet
  await h.main({ Type: 'Timer' } as never)
  expect(await h.ok('opted', 'myNotices')).toEqual([])

  h.clock.now = T0 + 2 * DAY + HOUR // inside the last day
  await h.main({ Type: 'Timer' } as never)
  await h.main({ Type: 'Timer' } as never) // a second tick reminds nobody twice
  const [reminder, ...more] = await h.ok<OutboxEntryDTO[]>('opted', 'myNotices')
  expect(more).toEqual([])
  expect(reminder).toMatchObject({
    kind: 'voucher_expiry',
    title: '消费券到期提醒',
    delivered: true,
    skippedReason: null,
    to: '王**',
    createdAt: T0 + 2 * DAY + HOUR,
  })
  expect(reminder.page).toContain(`id=${mine.id}`)
  expect(reminder.fields).toEqual([
    { label: '券名称', value: '工会福利消费券' },
    { label: '到期时间', value: '2027-03-11 10:00' },
    { label: '温馨提示', value: '消费券即将到期，请尽快使用' },
  ])
  expect(await h.ok('opted', 'noticeCredits')).toEqual({ credits: { voucher: 0 } }) // her one opt-in was spent on it

  const [unsent, ...others] = await h.ok<OutboxEntryDTO[]>('silent', 'myNotices')
  expect(others).toEqual([])
  expect(unsent).toMatchObject({ kind: 'voucher_expiry', delivered: false, skippedReason: '用户未订阅该类通知（无可用订阅次数）' })
  expect(unsent.page).toContain(`id=${theirs.id}`)
  h.clock.now = T0
})
