import { ERROR_MESSAGES } from '~types/errors'
import type { MeDTO } from '~types/member'
import { openFreshPage, sleep, type FakeBackend, type SimulatedComponent } from './support/weapp-harness'

/**
 * The compiled weapp home page (dist/weapp, production build) running in
 * miniprogram-simulate with WeChat's own wxml compiler: what a phone runs.
 */
const SERVICE_NAMES = ['会聚良缘', '两癌筛查', '工会消费券', '集章打卡 · 活动签到']

const unverified: MeDTO = { verified: false, profile: null, roles: [{ role: 'member' }], deletionRequestedAt: null }
const verified: MeDTO = {
  verified: true,
  profile: {
    name: '李明',
    cardNo: 'GH3201000123',
    phone: '13800000123',
    branch: '玄武区总工会',
    tags: [],
    gender: 'M',
    birthDate: '',
    verifiedAt: 0,
  },
  roles: [{ role: 'member' }],
  deletionRequestedAt: null,
}

let answer: FakeBackend = () => ({ ok: true, data: unverified })
let wechat: ReturnType<typeof openFreshPage>

/** Polls (up to 3 s, for a busy machine) instead of guessing how long rendering takes. */
async function until(done: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 3000; !done() && Date.now() < deadline;) await sleep(10)
}

/** Opens the home page and waits until the account has loaded (or failed). */
async function openHome(): Promise<SimulatedComponent> {
  wechat = openFreshPage('pages/index/index', (name, body) => answer(name, body))
  const text = () => String(wechat.page.dom.textContent)
  await until(() => wechat.log.calls.length > 0 && /已认证会员|还未完成会员认证|请稍后/.test(text()))
  return wechat.page
}

async function tap(node: SimulatedComponent, settled: () => boolean = () => true) {
  node.dispatchEvent('tap')
  await sleep(20)
  await until(settled)
}

test('a verified member sees the four services and their verified state', async () => {
  answer = () => ({ ok: true, data: verified })
  const page = await openHome()
  const text: string = page.dom.textContent
  for (const name of SERVICE_NAMES) expect(text).toContain(name)
  expect(text).toContain('已认证会员 李明 · 玄武区总工会')
  expect(text).not.toContain('去认证')
  expect(wechat.log.calls).toEqual([{ name: 'member', action: 'me' }])
})

test('an unverified member is led to verification by tapping the banner', async () => {
  answer = () => ({ ok: true, data: unverified })
  const page = await openHome()
  expect(page.dom.textContent).toContain('您还未完成会员认证')
  await tap(page.querySelector('#verify-banner'), () => wechat.log.navigations.length > 0)
  expect(wechat.log.navigations).toEqual(['/pages/verify/index'])
})

test('a failed load shows the one Chinese message for the code, with a retry that calls again', async () => {
  answer = () => ({ ok: false, code: 'INTERNAL', message: 'stack trace the member must never see' })
  const page = await openHome()
  expect(page.dom.textContent).toContain(ERROR_MESSAGES.INTERNAL)
  expect(page.dom.textContent).not.toContain('stack trace')
  answer = () => ({ ok: true, data: verified })
  await tap(page.querySelector('#account-error'), () => String(page.dom.textContent).includes('已认证会员 李明'))
  expect(wechat.log.calls).toHaveLength(2)
  expect(page.dom.textContent).toContain('已认证会员 李明')
})

test('the service grid renders inside its Taro-compiled custom component, and a tap there opens the subpackage', async () => {
  answer = () => ({ ok: true, data: verified })
  const page = await openHome()
  const wrapperEl = page.dom.querySelector('custom-wrapper') as Element
  expect(wrapperEl).not.toBeNull()
  for (const name of SERVICE_NAMES) expect(wrapperEl.textContent).toContain(name)

  const sid = wrapperEl.getAttribute('data-sid')
  const wrapper = page.querySelector(`#${sid}`)
  expect(wrapper.dom).toBe(wrapperEl)
  await tap(wrapper.querySelector('#service-events'))
  expect(wechat.log.navigations).toEqual(['/packages/events/pages/index/index'])
  await tap(wrapper.querySelector('#service-screening'))
  expect(wechat.log.navigations).toEqual(['/packages/events/pages/index/index', '/packages/screening/pages/index/index'])
})
