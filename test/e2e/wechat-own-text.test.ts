import type { BrowserContext, Page } from 'playwright-core'
import { browserAvailability, signInAs } from './support/browser'
import { browserSuite } from './support/suite'

const availability = browserAvailability()
const suite = availability.run ? describe : describe.skip
if (!availability.run) console.warn(availability.reason)

/**
 * Issue 16 §6 and 手机号快速验证 in Chromium against the local WeChat (tools/wechat/words.json):
 * a single types a risky word into her introduction and is refused; a review word holds her
 * text (审核中) until the officer taps 通过 in 资料审核; the unverified demo member taps
 * 手机号快速验证 → 允许 on the sheet and is verified from her roster phone.
 */
const MM = '/#/packages/matchmaking/pages'

suite(`members' own text and 手机号快速验证 in Chromium (H5 build)${availability.run ? '' : ` — skipped: ${availability.reason}`}`, () => {
  const ui = browserSuite()
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []
  const v = (page: Page, selector: string) => page.locator(`${selector} >> visible=true`)

  async function signIn(openid: string): Promise<Page> {
    const { context, page } = await signInAs(ui.browser, ui.url, openid, pageErrors)
    contexts.push(context)
    return page
  }

  async function saveIntro(page: Page, intro: string) {
    await v(page, '#nickname input').fill('婷婷', { timeout: 15_000 })
    await v(page, '#intro textarea').fill(intro)
    if ((await v(page, '.mx-chip--on').count()) === 0) await v(page, '.mx-chip').first().click() // 行业 has no default
    await v(page, '#save-profile').click()
  }

  it('a risky word is refused with the field named; a review word is held until the officer approves it by tapping', async () => {
    const woman = await signIn('demo-single-woman')
    await woman.goto(`${ui.url}${MM}/profile/index`)
    await saveIntro(woman, '周末喜欢赌博，也爱看电影')
    await v(woman, '#profile-error').filter({ hasText: '自我介绍含有不适宜发布的内容，请修改后再提交' }).waitFor({ timeout: 15_000 })
    // Nothing was stored: a fresh load shows no such introduction.
    await woman.reload()
    await v(woman, '#save-profile').waitFor({ timeout: 15_000 })
    expect(await v(woman, '#intro textarea').inputValue()).not.toContain('赌博')

    await saveIntro(woman, '喜欢旅行和做饭，认识后可以加微信聊聊')
    await v(woman, '#profile-hold').filter({ hasText: '交友资料审核中' }).waitFor({ timeout: 15_000 })

    const officer = await signIn('demo-officer')
    await officer.goto(`${ui.url}${MM}/officer/index`)
    await v(officer, '#to-texts').click({ timeout: 15_000 })
    const card = v(officer, '.card').filter({ hasText: '认识后可以加微信聊聊' })
    await card.waitFor({ timeout: 15_000 })
    expect(await card.textContent()).toMatch(/婷婷（李\*+）/)
    await card.locator('[id^="approve-"]').click()
    await v(officer, '.card').filter({ hasText: '认识后可以加微信聊聊' }).waitFor({ state: 'detached', timeout: 15_000 })
    await v(officer, 'text=暂无待审核的资料').waitFor({ timeout: 15_000 })

    await woman.reload()
    await v(woman, '#save-profile').waitFor({ timeout: 15_000 })
    expect(await v(woman, '#intro textarea').inputValue()).toContain('认识后可以加微信聊聊')
    expect(await woman.locator('#profile-hold').count()).toBe(0)
    expect(pageErrors).toEqual([])
  }, 120_000)

  it('a new member taps 手机号快速验证 → 允许 and is verified from her roster phone', async () => {
    const member = await signIn('demo-member')
    await member.goto(`${ui.url}/#/pages/verify/index`)
    // 拒绝 leaves her where she was, with the name-and-card form as the way on.
    await v(member, '#verify-phone-quick').click({ timeout: 15_000 })
    await member.getByText('拒绝', { exact: true }).click({ timeout: 15_000 })
    await v(member, '#verify-phone-error').filter({ hasText: '您未允许获取手机号' }).waitFor({ timeout: 15_000 })
    await v(member, '#verify-submit').waitFor()
    await v(member, '#verify-phone-quick').click()
    // The sheet names the number as WeChat's does, masked.
    await member.getByText('申请获取并验证你的手机号').waitFor({ timeout: 15_000 })
    await member.getByText(/138\*{4}0123/).waitFor()
    await member.getByText('允许', { exact: true }).click()
    await v(member, '#verified-state').filter({ hasText: '已认证会员 李明' }).waitFor({ timeout: 20_000 })
    expect(pageErrors).toEqual([])
  }, 90_000)

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined)
  })
})
