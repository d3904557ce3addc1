import type { Browser } from 'playwright-core'
import { launchChromium } from './browser'
import { startStack } from './stack'

export interface BrowserSuite {
  /** The local stack's URL (host, emulator and H5 build, fresh data). */
  readonly url: string
  readonly browser: Browser
  /** One tick of every function's timer trigger (sweeps, the notice queue's delivery). */
  tick(): Promise<void>
}

/**
 * What every browser suite stands on: the local stack and one Chromium, started
 * before the suite's tests and closed after them (closing the browser closes its
 * contexts). Call it first in the describe block, so the file's own beforeAll
 * can use them.
 */
export function browserSuite(opts: Parameters<typeof startStack>[0] = {}, timeoutMs = 90_000): BrowserSuite {
  let stack: Awaited<ReturnType<typeof startStack>> | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    stack = await startStack(opts)
    browser = await launchChromium()
  }, timeoutMs)
  afterAll(async () => {
    await browser?.close()
    await stack?.stop()
  })
  const started = <T>(v: T | undefined): T =>
    v ??
    (() => {
      throw new Error('browserSuite: not started (use it inside tests and hooks)')
    })()
  return {
    get url() {
      return started(stack).url
    },
    get browser() {
      return started(browser)
    },
    tick: () => started(stack).tick(),
  }
}
