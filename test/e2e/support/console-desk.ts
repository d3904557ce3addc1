import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { signInAs } from './browser'
import { decodePng } from './qr'

/** The console build the host serves (dist/console, or CONSOLE_DIST): a clear refusal when it is missing. */
export function requireConsoleBuild(): void {
  const built = join(process.env.CONSOLE_DIST || join(__dirname, '../../../dist/console'), 'index.html')
  if (!existsSync(built)) throw new Error('dist/console 不存在：先运行 npm run build:console（npm test 会自动构建）')
}

/**
 * A desk-size (1366×768) console signed in as an officer or manager does it: the console shows its code and
 * two-digit number; `openid`'s phone (a second context) decodes the code from a screenshot, checks the
 * number and confirms; the console signs in.
 */
export async function signedInDesk(browser: Browser, url: string, openid: string, pageErrors: string[]): Promise<Page> {
  requireConsoleBuild()
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true })
  const page = await context.newPage()
  page.on('pageerror', (err) => pageErrors.push(`${err.message} ${err.stack ?? ''}`))
  await page.goto(`${url}/console/`)
  const code = page.locator('#console-login-code')
  await code.waitFor({ timeout: 20_000 })
  const number = (await page.locator('#console-login-number').textContent())!.trim()
  const phone = await signInAs(browser, url, openid, pageErrors)
  await phone.page.goto(decodePng(await code.screenshot()))
  await phone.page.locator('#console-login-number', { hasText: number }).waitFor({ timeout: 15_000 })
  await phone.page.locator('#console-login-confirm').click()
  await phone.page.locator('#console-login-done').waitFor({ timeout: 15_000 })
  await phone.context.close()
  await page.locator('#console-who').waitFor({ timeout: 20_000 })
  return page
}
