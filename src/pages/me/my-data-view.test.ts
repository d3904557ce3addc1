import type { MyDataExport } from '../../../types/member'
import { csvOf, hasHealthResult, myDataRows, myDataSections } from './my-data-view'

const at = Date.UTC(2027, 2, 8, 2, 30) // 2027-03-08 10:30 in Beijing
const data: MyDataExport = {
  exportedAt: at,
  account: { verified: true, verifiedAt: at, roles: [{ role: 'member' }] },
  profile: { name: '王秀英', cardNo: 'GH3201000456', phone: '13900000456', branch: '秦淮区总工会', tags: ['新就业形态'], gender: 'F', birthDate: '1986-05-01', verifiedAt: at },
  consents: [{ kind: 'screening-privacy', version: '2027-01', at }],
  services: {
    screening: {
      bookings: [{
        bookingId: 'B1', programmeName: '三八两癌筛查', siteName: '市妇幼保健院', date: '2027-03-09', start: '08:00', end: '09:00',
        status: 'checked_in', bookedAt: at, consent: { version: '2027-01', at }, checkedInAt: at, cancelledAt: null, resultReady: true,
        result: { outcome: 'recheck', note: '建议三个月后复查', readyAt: at },
      }],
      waitlist: [],
      noticeOptins: { result: 1, booking: 0 },
      notices: [{ kind: 'result_ready', title: '筛查结果已出', fields: [{ label: '项目', value: '三八两癌筛查' }], createdAt: at, delivered: true }],
    },
    events: { signUps: [], stamps: [{ eventTitle: '跟着劳模赶大集', boothName: '闻喜煮饼', stampedAt: at }], redemptions: [], checkIns: [] },
    matchmaking: {
      profile: { nickname: '小王', sector: '快递物流', intro: '喜欢爬山' },
      statement: { version: '2027-01', signedAt: at, withdrawnAt: null },
      signUps: [{ mixerTitle: '春季单身联谊会', status: 'approved', signedUpAt: at, checkedInAt: null, badge: 12 }],
      matches: [{ mixerTitle: '春季单身联谊会', theirBadge: 7, theirNickname: '阿强', myContact: null, state: 'waiting' }],
      bar: null,
    },
  },
}

const text = (showHealth: boolean) => JSON.stringify(myDataSections(data, { showHealth }))

test('sections are per service, in Chinese, with Beijing times instead of milliseconds', () => {
  const sections = myDataSections(data, { showHealth: false })
  expect(sections.map((s) => s.title)).toEqual(['账户与会员信息', '两癌筛查', '集章打卡 · 活动签到', '会聚良缘'])
  const all = text(false)
  expect(all).toContain('2027年3月8日 10:30')
  expect(all).toContain('两癌筛查个人信息告知')
  expect(all).toContain('已签到')
  expect(all).toContain('结果通知')
  expect(all).toContain('等待对方交换联系方式')
  expect(all).not.toMatch(/\d{12,}/) // no raw ms timestamps
  expect(all).not.toMatch(/checked_in|screening-privacy|recheck|programmeName|approved|"F"/) // no English keys or codes
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
