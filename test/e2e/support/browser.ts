import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

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
