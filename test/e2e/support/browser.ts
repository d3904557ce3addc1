import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const INSTALL_HINT = 'apt-get update && apt-get install -y chromium（或设置 CHROME_PATH）'

/** Chromium from CHROME_PATH or Debian's package; undefined when there is none. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[]
  return candidates.find((p) => existsSync(p))
}

/**
 * Without a browser the suite reports itself skipped with the install command,
 * except under CI, where a missing browser is a failure.
 */
export function browserAvailability(): { run: boolean; reason?: string } {
  if (findChromium()) return { run: true }
  if (process.env.CI) throw new Error(`CI 需要 Chromium 运行浏览器测试，但没有找到：${INSTALL_HINT}`)
  return { run: false, reason: `未找到 Chromium，浏览器测试跳过。安装：${INSTALL_HINT}` }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

/**
 * A person on their own phone: a fresh context (390×844 unless told), signed in
 * from the demo picker as a person would, landed in the service hall. Script
 * errors of the page go to `errors`, which the suites expect to stay empty.
 */
export async function signInAs(
  browser: Browser,
  baseUrl: string,
  openid: string,
  errors: string[],
  opts: {
    viewport?: { width: number; height: number }
    deviceScaleFactor?: number
    clock?: () => number
    /** A script run before the app on every load (e.g. the phone's font setting, test/e2e/elder-type.test.ts). */
    init?: string
  } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 390, height: 844 },
    deviceScaleFactor: opts.deviceScaleFactor ?? 2,
    locale: 'zh-CN',
    acceptDownloads: true,
  })
  // A journey whose functions run on a set clock: the phone's clock reads the same time (and runs on from it),
  // so what the page works out from Date.now() agrees with what the server decides.
  if (opts.clock) await context.clock.install({ time: opts.clock() })
  if (opts.init) await context.addInitScript(opts.init)
  const page = await context.newPage()
  page.on('pageerror', (err) => errors.push(err.message))
  await page.goto(`${baseUrl}/`)
  await page.waitForURL(/pages\/login/, { timeout: 20_000 })
  await page.locator(`#identity-${openid}`).click()
  await page.locator('.service-tile').first().waitFor({ timeout: 15_000 })
  return { context, page }
}
