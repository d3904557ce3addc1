/**
 * Issues 15 and 16: the expiry reminder reaches a member who accepted the `voucher` opt-in when she claimed
 * (she taps 允许 in WeChat's dialog, then the client calls the kit's `subscribe`): the timer queues it and
 * delivers it through the port to the local WeChat; without an opt-in WeChat refuses it (43101) and it is
 * recorded 未送达. Run through the function's timer, on a fixed clock.
 */
import { seedMembers } from './screening.fixtures'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { localTemplateId } from '~types/notice-templates'
import type { OutboxEntryDTO } from '~types/notices'
import { noticePage } from '~types/routes'
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

it('a voucher claimed with the opt-in accepted gets its expiry reminder delivered when the timer runs near expiry; without one WeChat refuses it (43101) and it is recorded 未送达', async () => {
  h.clock.now = T0
  emu.wechat.accept('opted', [localTemplateId('vouchers', 'voucher')])
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
    title: '优惠券到期提醒',
    state: 'delivered',
    delivered: true,
    skippedReason: null,
    to: '王**',
    createdAt: T0 + 2 * DAY + HOUR,
    deliveredAt: T0 + 2 * DAY + HOUR,
  })
  expect(reminder.page).toBe(noticePage('vouchersCode', { id: mine.id }))
  expect(reminder.fields).toEqual([
    { label: '券名称', value: '工会福利消费券' },
    { label: '到期时间', value: '2027年3月11日 10:00' },
    { label: '温馨提示', value: '消费券即将到期，请尽快使用' },
  ])
  // What reached her phone: one message, with the template's keys.
  expect(emu.wechat.messages('opted')).toEqual([
    expect.objectContaining({
      templateId: localTemplateId('vouchers', 'voucher'),
      page: reminder.page,
      data: {
        thing1: { value: '工会福利消费券' },
        time2: { value: '2027年3月11日 10:00' },
        thing3: { value: '消费券即将到期，请尽快使用' },
      },
    }),
  ])
  expect(await h.ok('opted', 'noticeCredits')).toEqual({ credits: { voucher: 0 } }) // her one opt-in was spent on it

  const [unsent, ...others] = await h.ok<OutboxEntryDTO[]>('silent', 'myNotices')
  expect(others).toEqual([])
  expect(unsent).toMatchObject({
    kind: 'voucher_expiry',
    state: 'refused',
    errcode: 43101,
    delivered: false,
    skippedReason: '未送达：用户未订阅',
  })
  expect(emu.wechat.messages('silent')).toEqual([])
  expect(unsent.page).toContain(`id=${theirs.id}`)
  h.clock.now = T0
})
