import type { EventSummaryDTO } from '~types/events'
import type { MeDTO, RoleDTO } from '~types/member'
import { openFreshPage, sleep, type FakeBackend } from './support/weapp-harness'

/**
 * Defect 1 of issue 8: staff reach their desks. The invite QR opens the redeem
 * page with the code filled in, 我的 offers 输入邀请码, and every role links to
 * its desk (or says plainly that it is not open yet).
 */
async function until(done: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 3000; !done() && Date.now() < deadline;) await sleep(10)
}

const meWith = (roles: RoleDTO[]): MeDTO => ({
  verified: true,
  profile: null,
  roles: [{ role: 'member' }, ...roles],
  deletionRequestedAt: null,
})
const fair = { id: 'event-fair-2027', title: '跟着劳模赶大集', kind: 'fair', checkpointCount: 2 } as unknown as EventSummaryDTO

function open(route: string, roles: RoleDTO[], query: Record<string, string> = {}) {
  const sent: { action: string; data: unknown }[] = []
  const backend: FakeBackend = (_name, body) => {
    sent.push({ action: body.action, data: body.data })
    if (body.action === 'staffEvents') return { ok: true, data: { events: [fair] } }
    if (body.action === 'staffMixers') return { ok: true, data: [{ mixer: { id: 'mixer-qixi' }, checkedIn: { M: 0, F: 0 } }] }
    if (body.action === 'redeemInvite')
      return { ok: true, data: meWith([{ role: 'staff', scope: { kind: 'site', id: 'site-fuyou', name: '市妇幼保健院' } }]) }
    return { ok: true, data: meWith(roles) }
  }
  const wechat = openFreshPage(route, backend, query)
  const text = () => String(wechat.page.dom.textContent)
  return { ...wechat, sent, text }
}

async function tap(wechat: ReturnType<typeof open>, selector: string) {
  await until(() => !!wechat.page.querySelector(selector))
  wechat.page.querySelector(selector).dispatchEvent('tap')
  await sleep(20)
}

test('the invite link opens the redeem page with the code filled in, and 确认 redeems that code', async () => {
  const w = open('pages/staff/index', [], { code: 'ABCD2345' })
  await until(() => w.text().includes('还没有工作人员身份'))
  expect(w.text()).toContain('已从邀请二维码读取邀请码')
  await tap(w, '#staff-code-submit')
  await until(() => w.sent.some((c) => c.action === 'redeemInvite'))
  expect(w.sent.find((c) => c.action === 'redeemInvite')?.data).toEqual({ code: 'ABCD2345' })
  await until(() => w.text().includes('筛查签到台'))
  expect(w.text()).toContain('筛查点工作人员 · 市妇幼保健院')
})

test('a mini-program code launch (scene) fills the code in too', async () => {
  const w = open('pages/staff/index', [], { scene: encodeURIComponent('c=WXYZ2345') })
  await until(() => w.text().includes('还没有工作人员身份'))
  await tap(w, '#staff-code-submit')
  await until(() => w.sent.some((c) => c.action === 'redeemInvite'))
  expect(w.sent.find((c) => c.action === 'redeemInvite')?.data).toEqual({ code: 'WXYZ2345' })
})

test("each role links to its desk: screening desk, gift desk and station per event, the voucher till, a mixer's check-in", async () => {
  const w = open('pages/staff/index', [
    { role: 'staff', scope: { kind: 'site', id: 'site-fuyou', name: '市妇幼保健院' } },
    { role: 'staff', scope: { kind: 'event', id: 'event-fair-2027', name: '跟着劳模赶大集' } },
    { role: 'staff', scope: { kind: 'merchant', id: 'merchant-suguo-xjk', name: '苏果超市（新街口店）' } },
    { role: 'staff', scope: { kind: 'event', id: 'mixer-qixi', name: '七夕 · 会聚良缘 联谊会' } },
    { role: 'staff', scope: { kind: 'merchant', id: 'merchant-suguo-xjk-mgr', name: '苏果超市（新街口店）' } },
  ])
  await until(() => w.text().includes('礼品兑换台'))
  expect(w.text()).not.toContain('相应服务开放后')
  await tap(w, '#desk-site-site-fuyou')
  await tap(w, '#desk-gift-event-fair-2027')
  await tap(w, '#desk-station-event-fair-2027')
  // Cashier and 店长 of one shop: one card, one till, and the statement (defect 18).
  expect(w.text().split('消费券核销台').length - 1).toBe(1)
  await tap(w, '#desk-merchant-merchant-suguo-xjk-mgr')
  await tap(w, '#desk-mixer-mixer-qixi')
  await tap(w, '#desk-statement-merchant-suguo-xjk-mgr')
  expect(w.log.navigations).toEqual([
    '/packages/screening/pages/desk/index',
    '/packages/events/pages/gift-desk/index?id=event-fair-2027',
    '/packages/events/pages/station/index?id=event-fair-2027',
    '/packages/vouchers/pages/till/index?merchant=merchant-suguo-xjk',
    '/packages/matchmaking/pages/station/index?id=mixer-qixi',
    '/packages/vouchers/pages/statement/index?merchant=merchant-suguo-xjk',
  ])
  expect(w.text()).toContain('商户店长 · 苏果超市（新街口店）')
})

test('我的 offers 输入邀请码 to a member without a staff role', async () => {
  const w = open('pages/me/index', [])
  await until(() => w.text().includes('输入邀请码'))
  await tap(w, '#me-invite')
  expect(w.log.navigations).toEqual(['/pages/staff/index'])
})

test('我的 does not promise codes "after services open": it links to where her codes are', async () => {
  const w = open('pages/me/index', [])
  await until(() => w.text().includes('我的二维码'))
  expect(w.text()).not.toContain('服务开放后')
  await tap(w, '#me-code-screening')
  expect(w.log.navigations).toEqual(['/packages/screening/pages/index/index'])
})
