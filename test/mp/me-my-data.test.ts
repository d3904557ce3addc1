import type { MeDTO, MyDataExport } from '~types/member'
import { openFreshPage, sleep, type FakeBackend } from './support/weapp-harness'

/** Defect 4 of issue 8: 导出我的数据 reads as Chinese sections per service, her result only when she asks. */
async function until(done: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 3000; !done() && Date.now() < deadline;) await sleep(10)
}

const at = Date.UTC(2027, 2, 8, 2, 30)
const profile = {
  name: '王秀英',
  cardNo: 'GH3201000456',
  phone: '13900000456',
  branch: '秦淮区总工会',
  tags: ['新就业形态'],
  gender: 'F' as const,
  birthDate: '1986-05-01',
  verifiedAt: at,
}
const me: MeDTO = { verified: true, profile, roles: [{ role: 'member' }], deletionRequestedAt: null }
const exported: MyDataExport = {
  exportedAt: at,
  account: { verified: true, verifiedAt: at, roles: [{ role: 'member' }] },
  profile,
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
      noticeOptins: { booking: 1, reminder: 2, offer: 0 },
      notices: [],
    },
    events: { signUps: [], stamps: [], redemptions: [], checkIns: [] },
  },
}

const backend: FakeBackend = (_name, body) => ({ ok: true, data: body.action === 'exportMyData' ? exported : me })

test('her data shows as Chinese sections with Beijing times; the result stays hidden until she asks', async () => {
  const w = openFreshPage('pages/me/index', backend)
  const text = () => String(w.page.dom.textContent)
  await until(() => text().includes('查看我的数据'))
  w.page.querySelector('#me-export').dispatchEvent('tap')
  await until(() => text().includes('账户与会员信息'))
  const shown = String(w.page.querySelector('#my-data-sections').dom.textContent)
  for (const s of ['账户与会员信息', '两癌筛查', '集章打卡 · 活动签到', '2027年3月8日 10:30', '已签到', '两癌筛查个人信息告知'])
    expect(shown).toContain(s)
  expect(shown).not.toMatch(/[{}"]|exportedAt|checked_in|\d{12,}/) // no JSON, keys, codes or ms timestamps
  expect(shown).not.toContain('需复查')
  // Her opt-ins by the notices' own titles: reminders are 就诊提醒 (never 其他), booking is the confirmation's title.
  expect(shown).toContain('就诊提醒剩余 2 次')
  expect(shown).toContain('预约成功通知剩余 1 次')
  expect(shown).not.toContain('其他')

  w.page.querySelector('#my-data-health').dispatchEvent('tap')
  await until(() => text().includes('需复查'))
  expect(text()).toContain('需复查；建议：建议三个月后复查')
  expect(text()).toContain('下载我的数据')
})
