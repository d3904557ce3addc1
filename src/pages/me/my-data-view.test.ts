import type { MyDataExport } from '~types/member'
import { csvOf, hasHealthResult, myDataRows, myDataSections } from './my-data-view'

const at = Date.UTC(2027, 2, 8, 2, 30) // 2027-03-08 10:30 in Beijing
const data: MyDataExport = {
  exportedAt: at,
  account: { verified: true, verifiedAt: at, roles: [{ role: 'member' }] },
  profile: {
    name: '王秀英',
    cardNo: 'GH3201000456',
    phone: '13900000456',
    branch: '秦淮区总工会',
    tags: ['新就业形态'],
    gender: 'F',
    birthDate: '1986-05-01',
    verifiedAt: at,
  },
  consents: [{ kind: 'screening-privacy', version: '2027-01', at }],
  services: {
    screening: {
      bookings: [
        {
          bookingId: 'B1',
          programmeName: '三八两癌筛查',
          siteName: '市妇幼保健院',
          date: '2027-03-09',
          start: '08:00',
          end: '09:00',
          status: 'checked_in',
          bookedAt: at,
          consent: { version: '2027-01', at },
          checkedInAt: at,
          cancelledAt: null,
          resultReady: true,
          result: { outcome: 'recheck', note: '建议三个月后复查', readyAt: at },
        },
      ],
      waitlist: [],
      noticeOptins: { result: 1, booking: 2, reminder: 1, offer: 0 },
      notices: [
        { kind: 'result_ready', title: '筛查结果已出', fields: [{ label: '项目', value: '三八两癌筛查' }], createdAt: at, delivered: true },
      ],
    },
    events: {
      signUps: [],
      stamps: [{ eventTitle: '跟着劳模赶大集', boothName: '闻喜煮饼', stampedAt: at }],
      redemptions: [],
      checkIns: [],
    },
    matchmaking: {
      profile: { nickname: '小王', sector: '快递物流', intro: '喜欢爬山' },
      statement: { version: '2027-01', signedAt: at, withdrawnAt: null },
      signUps: [{ mixerTitle: '春季单身联谊会', status: 'approved', signedUpAt: at, checkedInAt: null, badge: 12 }],
      matches: [{ mixerTitle: '春季单身联谊会', theirBadge: 7, theirNickname: '阿强', myContact: null, state: 'waiting' }],
      bar: null,
      noticeOptins: { match: 1 },
      notices: [
        {
          kind: 'match_found',
          title: '活动结果通知',
          fields: [
            { label: '活动名称', value: '春季单身联谊会' },
            { label: '结果', value: '心动选择结果已公布，请进入小程序查看' },
          ],
          createdAt: at,
          delivered: true,
        },
      ],
    },
    vouchers: {
      vouchers: [
        {
          campaignName: '三八节消费券',
          ruleText: '满100减30',
          status: 'redeemed',
          claimedAt: at,
          useEndsAt: at + 86_400_000,
          redemption: {
            merchantName: '苏果超市（新街口店）',
            till: '1号收银台',
            at,
            billFen: 12_800,
            deductionFen: 3_000,
            modelWorkerFen: 0,
            payableFen: 9_800,
          },
        },
      ],
      drawEntries: [{ campaignName: '五一抽签券', entryRef: 'E-7', result: 'lost', enteredAt: at }],
      noticeOptins: { voucher: 2 },
      notices: [
        {
          kind: 'voucher_expiry',
          title: '优惠券到期提醒',
          fields: [
            { label: '券名称', value: '三八节消费券' },
            { label: '到期时间', value: '2027-03-09 10:30' },
          ],
          createdAt: at,
          delivered: false,
        },
      ],
    },
  },
}

const text = (showHealth: boolean) => JSON.stringify(myDataSections(data, { showHealth }))

test('sections are per service, in Chinese, with Beijing times instead of milliseconds', () => {
  const sections = myDataSections(data, { showHealth: false })
  expect(sections.map((s) => s.title)).toEqual(['账户与会员信息', '两癌筛查', '集章打卡 · 活动签到', '会聚良缘', '工会消费券'])
  const all = text(false)
  expect(all).toContain('2027年3月8日 10:30')
  expect(all).toContain('两癌筛查个人信息告知')
  expect(all).toContain('已签到')
  expect(all).toContain('检查结果通知')
  expect(all).toContain('等待对方交换联系方式')
  expect(all).not.toMatch(/\d{12,}/) // no raw ms timestamps
  expect(all).not.toMatch(/checked_in|screening-privacy|recheck|programmeName|approved|redeemed|lost|"F"/) // no English keys or codes
  expect(all).not.toContain('其他') // every value has its service's own word
})

test('her result is hidden until she asks, and then readable', () => {
  expect(hasHealthResult(data)).toBe(true)
  expect(text(false)).not.toContain('需复查')
  expect(text(false)).not.toContain('三个月后复查')
  expect(text(true)).toContain('需复查；建议：建议三个月后复查')
})

test('the file has one row per value under a Chinese header, the result included', () => {
  const rows = myDataRows(data)
  expect(rows[0]).toEqual(['板块', '记录', '项目', '内容'])
  expect(rows).toContainEqual(['两癌筛查', '预约 · 三八两癌筛查', '筛查点', '市妇幼保健院'])
  expect(rows.some((r) => r[3].includes('需复查'))).toBe(true)
})

test('the CSV quotes commas and keeps formula-looking cells as text', () => {
  expect(csvOf([['a,b', '=1+1', '说"好"']])).toBe('"a,b",\'=1+1,"说""好"""\r\n')
})

test("her screening opt-ins read as the notices' own titles: 就诊提醒 for reminders, the confirmation's own title for booking", () => {
  const optins = myDataSections(data, { showHealth: false })[1].entries.find((e) => e.heading === '已订阅的提醒')!
  expect(optins.fields).toEqual([
    ['检查结果通知', '剩余 1 次'],
    ['预约成功通知', '剩余 2 次'],
    ['就诊提醒', '剩余 1 次'],
  ])
})

test('her vouchers read with their status, amounts in yuan, and her draw entries with their result', () => {
  const vouchers = myDataSections(data, { showHealth: false })[4]
  expect(vouchers.entries.map((e) => e.heading)).toEqual([
    '消费券 · 三八节消费券',
    '抽签 · 五一抽签券',
    '通知 · 优惠券到期提醒',
    '已订阅的提醒',
  ])
  expect(vouchers.entries[0].fields).toContainEqual(['状态', '已使用'])
  expect(vouchers.entries[0].fields).toContainEqual(['实付', '¥98.00'])
  expect(vouchers.entries[0].fields.map(([k]) => k)).not.toContain('劳模优惠')
  expect(vouchers.entries[1].fields).toContainEqual(['结果', '未中签'])
})

test("her voucher and match notices and opt-ins read as in screening: each notice's fields, her opt-ins by the notice's title", () => {
  const [, , , matchmaking, vouchers] = myDataSections(data, { showHealth: false })
  expect(vouchers.entries.slice(-2)).toEqual([
    {
      heading: '通知 · 优惠券到期提醒',
      fields: [
        ['券名称', '三八节消费券'],
        ['到期时间', '2027-03-09 10:30'],
        ['时间', '2027年3月8日 10:30'],
        ['送达', '未送达'],
      ],
    },
    { heading: '已订阅的提醒', fields: [['优惠券到期提醒', '剩余 2 次']] },
  ])
  expect(matchmaking.entries.slice(-2)).toEqual([
    {
      heading: '通知 · 活动结果通知',
      fields: [
        ['活动名称', '春季单身联谊会'],
        ['结果', '心动选择结果已公布，请进入小程序查看'],
        ['时间', '2027年3月8日 10:30'],
        ['送达', '已送达'],
      ],
    },
    { heading: '已订阅的提醒', fields: [['活动结果通知', '剩余 1 次']] },
  ])
})

test('an older export without voucher or match notices reads as before; spent opt-ins are not listed', () => {
  const { notices: _vn, noticeOptins: _vo, ...vouchers } = data.services!.vouchers!
  const { notices: _mn, noticeOptins: _mo, ...matchmaking } = data.services!.matchmaking!
  const old = { ...data, services: { ...data.services!, vouchers, matchmaking } }
  const [, , , m, v] = myDataSections(old, { showHealth: false })
  expect(v.entries.map((e) => e.heading)).toEqual(['消费券 · 三八节消费券', '抽签 · 五一抽签券'])
  expect(m.entries.map((e) => e.heading)).not.toContainEqual(expect.stringMatching(/通知|提醒/))
  const spent = { ...data, services: { ...data.services!, vouchers: { ...data.services!.vouchers!, noticeOptins: { voucher: 0 } } } }
  expect(myDataSections(spent, { showHealth: false })[4].entries.map((e) => e.heading)).not.toContain('已订阅的提醒')
})

test('a value an older export holds that no service names reads 其他, never the raw code', () => {
  const old = {
    ...data,
    services: { ...data.services!, screening: { ...data.services!.screening, noticeOptins: { retired: 1 } as never } },
  }
  expect(myDataSections(old, { showHealth: false })[1].entries.at(-1)?.fields).toEqual([['其他', '剩余 1 次']])
})
