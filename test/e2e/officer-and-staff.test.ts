import iconv from 'iconv-lite'
import type { BrowserContext, Page } from 'playwright-core'
import { decodePng } from './support/qr'
import { browserAvailability, signInAs } from './support/browser'
import { browserSuite } from './support/suite'

const availability = browserAvailability()
const suite = availability.run ? describe : describe.skip
if (!availability.run) console.warn(availability.reason)

const HEADER = '姓名,会员证号,手机号,所属工会,标签,性别,出生日期'
const row = (i: number) => `职工${i},GH39${String(i).padStart(8, '0')},137${String(i).padStart(8, '0')},鼓楼区总工会,,女,1990-01-01`
const roster = (from: number, n: number) => [HEADER, ...Array.from({ length: n }, (_, i) => row(from + i))].join('\r\n') + '\r\n'

suite(`officer and staff pages in Chromium (H5 build)${availability.run ? '' : ` — skipped: ${availability.reason}`}`, () => {
  const ui = browserSuite()
  const pageErrors: string[] = []

  async function signedIn(openid: string): Promise<{ context: BrowserContext; page: Page }> {
    return signInAs(ui.browser, ui.url, openid, pageErrors)
  }

  it('imports a GBK roster as Excel saves it, in Chinese, without mojibake', async () => {
    const { context, page } = await signedIn('demo-officer')
    await page.locator('#go-officer').click()
    await page.locator('#officer-tab-import').click()
    await page.locator('#roster-file').setInputFiles({ name: '名册.csv', mimeType: 'text/csv', buffer: iconv.encode(roster(1, 3), 'gbk') })
    await page.locator('#roster-picked', { hasText: '名册.csv' }).waitFor()
    await page.locator('#roster-submit').click()
    await page.locator('#roster-result', { hasText: '新增 3 人' }).waitFor({ timeout: 20_000 })
    expect(await page.locator('#roster-result').textContent()).toContain('GBK')
    await page.locator('#officer-tab-roster').click()
    await page.locator('#roster-q input').fill('职工1')
    await page.locator('#roster-find').click()
    await page.locator('#roster-list .roster-row', { hasText: '鼓楼区总工会' }).first().waitFor({ timeout: 15_000 })
    await context.close()
  }, 90_000)

  it('imports a roster over 5,000 rows in parts, showing progress and whole-file line numbers', async () => {
    const { context, page } = await signedIn('demo-officer')
    await page.locator('#go-officer').click()
    await page.locator('#officer-tab-import').click()
    const lines = roster(1001, 5200).replace(`${row(6000)}\r\n`, '职工坏,XX,1,鼓楼区总工会,,女,1990-01-01\r\n')
    await page.locator('#roster-file').setInputFiles({ name: '大名册.csv', mimeType: 'text/csv', buffer: Buffer.from(lines, 'utf8') })
    await page.locator('#roster-submit').click()
    await page.locator('#roster-progress', { hasText: '6 / 6 批' }).waitFor({ timeout: 120_000 })
    const summary = await page.locator('#roster-result').textContent()
    expect(summary).toContain('新增 5199 人')
    expect(summary).toContain('第 5001 行') // the bad row, counted in the whole file
    await context.close()
  }, 180_000)

  it('an invite code opens the redeem page with the code filled in, and the new role leads to its desk', async () => {
    const officer = await signedIn('demo-officer')
    await officer.page.locator('#go-officer').click()
    await officer.page.locator('#officer-tab-invite').click()
    // The target is picked from what exists (defect 7): no ids to type.
    await officer.page.locator('#invite-kind-event').click()
    await officer.page.locator('#invite-target-event-fair-2027').click({ timeout: 15_000 })
    expect(await officer.page.locator('#invite-creator input').count()).toBe(0)
    await officer.page.locator('#invite-create', { hasText: '跟着劳模赶大集' }).click()
    const qr = officer.page.locator('#invite-qr img')
    await qr.waitFor({ timeout: 15_000 })
    // A mini-program code: locally a QR of the redeem page with the invite code as its scene.
    const link = decodePng(await qr.screenshot())
    expect(link).toMatch(/#\/pages\/staff\/index\?scene=[A-Z0-9]{8}$/)
    const shown = (await officer.page.locator('#invite-result .invite__code').textContent())!.replace('-', '')
    expect(link.endsWith(`scene=${shown}`)).toBe(true)

    // Someone with no staff role scans it with WeChat: the redeem page opens with the code filled in, to confirm.
    const staff = await signedIn('demo-model-worker')
    await staff.page.goto(link)
    await staff.page.locator('#redeem-from-link').waitFor({ timeout: 15_000 })
    expect(await staff.page.locator('#staff-code-input input').inputValue()).toBe(shown)
    // A double tap on 确认 (defect 9): one redemption, then a plain 已使用 note, no red message under the field.
    await staff.page.locator('#staff-code-submit').dblclick()
    await staff.page.locator('#redeem-done').waitFor({ timeout: 15_000 })
    await staff.page.waitForTimeout(500)
    expect(await staff.page.locator('#redeem-card .field__error').count()).toBe(0)

    // 输入邀请码 promises 扫码 (defect 8): a second invite, sent to her as a picture, is read from the picture.
    await officer.page.locator('#invite-kind-site').click()
    await officer.page.locator('#invite-target-site-fuyou').click({ timeout: 15_000 })
    await officer.page.locator('#invite-create').click()
    await officer.page.waitForFunction(
      (first) => (document.querySelector('#invite-result .invite__code')?.textContent ?? first).replace('-', '') !== first,
      shown,
      { timeout: 15_000 },
    )
    const picture = await officer.page.locator('#invite-qr img').screenshot()
    // A QR that is not an invite is named as such, and changes nothing.
    await staff.page.locator('#staff-code-input input').fill('https://example.com/?x=1')
    await staff.page.locator('#staff-code-submit').click()
    await staff.page.locator('#redeem-card .field__error', { hasText: '这不是工作人员邀请码' }).waitFor()
    await staff.page.locator('#staff-code-file').setInputFiles({ name: 'invite.png', mimeType: 'image/png', buffer: picture })
    await staff.page.locator('#desk-site-site-fuyou').waitFor({ timeout: 15_000 })
    expect(await staff.page.locator('#redeem-card .field__error').count()).toBe(0)
    await staff.page.locator('#desk-gift-event-fair-2027').click({ timeout: 15_000 })
    await staff.page.waitForURL(/gift-desk/, { timeout: 15_000 })
    await officer.context.close()
    await staff.context.close()
  }, 120_000)

  it("a deletion request reaches the officers' queue, and the member sees what was erased and what is kept", async () => {
    const member = await signedIn('demo-rider')
    await member.page.locator('#go-me').click()
    await member.page.locator('#me-delete').click({ timeout: 15_000 })
    await member.page.locator('.taro__modal').getByText('确定', { exact: true }).click()
    await member.page.locator('#me-deletion', { hasText: '等待工会处理' }).waitFor({ timeout: 15_000 })
    // Until the union acts she is still a member: the hall does not ask her to verify.
    await member.page.locator('#me-deletion', { hasText: '处理前您仍是会员' }).waitFor()
    expect(await member.page.locator('#me-unbind').count()).toBe(1)

    const officer = await signedIn('demo-officer')
    await officer.page.locator('#go-officer').click()
    await officer.page.locator('#officer-tab-deletion').click()
    const request = officer.page.locator('#deletion-queue .roster-row', { hasText: '王*' }).first()
    await request.waitFor({ timeout: 15_000 })
    await request.locator('.big-button--danger').click()
    await officer.page.locator('.taro__modal').getByText('执行删除', { exact: true }).click()
    await officer.page.locator('#deletion-processed', { hasText: '已删除：' }).waitFor({ timeout: 15_000 })

    await member.page.reload()
    await member.page.locator('#me-deletion', { hasText: '已删除：' }).waitFor({ timeout: 15_000 })
    await member.context.close()
    await officer.context.close()
    expect(pageErrors).toEqual([])
  }, 120_000)
})
