import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { installDom } from './dom'

// WEAPP_DIST points the tests at another weapp build (e.g. one made with TARO_OUTPUT_ROOT).
export const DIST = process.env.WEAPP_DIST || join(__dirname, '../../../dist/weapp')

type Envelope = { ok: true; data: unknown } | { ok: false; code: string; message: string }
export type FakeBackend = (name: string, body: { action: string; data: unknown; requestId: string }) => Envelope

/** What the app asked of WeChat during a test. */
export interface WeChatLog {
  navigations: string[]
  calls: { name: string; action: string }[]
  /** Each wx.showModal's title and content; answered with `confirmModals` (true unless a test says otherwise). */
  modals: { title: string; content: string }[]
  confirmModals: boolean
}

type AnyFn = (...args: unknown[]) => unknown
type Config = Record<string, unknown>

/** Fails with the fix in the message, so a missing build is never mistaken for a broken page. */
export function requireBuild(): void {
  if (!existsSync(join(DIST, 'app.json'))) {
    throw new Error('dist/weapp 不存在：先运行 `npm run build:weapp`（NODE_ENV=production taro build --type weapp），再运行小程序测试')
  }
}

/**
 * WeChat's globals, as far as a Taro page uses them: App/getApp/Page around
 * miniprogram-simulate's Component, and the few wx APIs the pages call, with
 * cloud functions answered by a backend the test supplies.
 */
export function bootApp(backend: FakeBackend) {
  requireBuild()
  installDom()
  const g0 = globalThis as unknown as Record<string, unknown>
  delete g0.wx // each boot is a fresh WeChat: the webpack chunk registry lives on wx
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate')
  const g = globalThis as unknown as Record<string, unknown>
  const log: WeChatLog = { navigations: [], calls: [], modals: [], confirmModals: true }
  const pages: Config[] = []
  let app: Config = {}
  let route = ''
  let query: Record<string, string> = {}

  g.App = (config: Config) => void (app = config)
  g.getApp = () => app
  g.getCurrentPages = () => pages
  // A page is a component whose lifetimes drive the page lifecycle WeChat would run.
  g.Page = (config: Config) => {
    const methods: Record<string, AnyFn> = {}
    for (const [k, v] of Object.entries(config)) if (typeof v === 'function') methods[k] = v as AnyFn
    const pageRoute = route
    const pageQuery = query
    ;(g.Component as AnyFn)({
      data: config.data ?? {},
      methods,
      lifetimes: {
        attached(this: Config) {
          this.route = pageRoute
          pages.push(this)
          ;(this.onLoad as AnyFn)?.call(this, pageQuery)
          ;(this.onShow as AnyFn)?.call(this)
        },
        ready(this: Config) {
          ;(this.onReady as AnyFn)?.call(this)
        },
      },
    })
  }
  const wx = g.wx as Record<string, unknown>
  const ok = (opts: { url?: string; success?: AnyFn; complete?: AnyFn } | undefined, res: Config = {}) => {
    const r = { errMsg: 'ok', ...res }
    opts?.success?.(r)
    opts?.complete?.(r)
  }
  Object.assign(wx, {
    cloud: {
      init: () => undefined,
      callFunction: async ({ name, data }: { name: string; data: { action: string; data: unknown; requestId: string } }) => {
        log.calls.push({ name, action: data.action })
        return { errMsg: 'cloud.callFunction:ok', result: backend(name, data) }
      },
    },
    navigateTo: (opts: { url: string }) => {
      log.navigations.push(opts.url)
      ok(opts)
    },
    reLaunch: (opts: { url: string }) => {
      log.navigations.push(opts.url)
      ok(opts)
    },
    showLoading: ok,
    hideLoading: ok,
    showToast: ok,
    showModal: (opts: { title: string; content: string; success?: AnyFn; complete?: AnyFn }) => {
      log.modals.push({ title: opts.title, content: opts.content })
      ok(opts, { confirm: log.confirmModals, cancel: !log.confirmModals })
    },
    getStorageSync: () => '',
  })

  // WeChat runs app.js first: it loads the shared chunks and registers the app.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled app, loaded as WeChat loads it
  require(join(DIST, 'app.js'))
  ;(app.onLaunch as AnyFn)?.call(app, { path: 'pages/index/index', query: {}, scene: 1001 })
  ;(app.onShow as AnyFn)?.call(app, { path: 'pages/index/index', query: {}, scene: 1001 })

  /** Loads and attaches a compiled page, compiled by WeChat's own wcc; `pageQuery` is what WeChat passes to onLoad. */
  function openPage(pageRoute: string, pageQuery: Record<string, string> = {}) {
    route = pageRoute
    query = pageQuery
    const id = simulate.load(join(DIST, pageRoute), { rootPath: DIST, compiler: 'official' })
    const page = simulate.render(id)
    page.attach(document.createElement('parent-wrapper'))
    return page as SimulatedComponent
  }
  return { log, openPage, simulate }
}

/**
 * A fresh app with one page open. Webpack runs a page's chunk only once per
 * runtime, so every test boots its own, in its own module registry.
 */
export function openFreshPage(pageRoute: string, backend: FakeBackend, pageQuery: Record<string, string> = {}) {
  let booted: ReturnType<typeof bootApp> | undefined
  let page: SimulatedComponent | undefined
  jest.isolateModules(() => {
    booted = bootApp(backend)
    page = booted.openPage(pageRoute, pageQuery)
  })
  if (!booted || !page) throw new Error(`无法加载页面 ${pageRoute}`)
  return { ...booted, page }
}

/** The part of miniprogram-simulate's component wrapper these tests use. */
export interface SimulatedComponent {
  dom: HTMLElement
  data: Record<string, unknown>
  querySelector(selector: string): SimulatedComponent
  /** A tap, an input…; `detail` is the event's payload (an input's value). */
  dispatchEvent(eventName: string, options?: { detail?: unknown }): void
}

const realSetInterval = global.setInterval
const realSetTimeout = global.setTimeout

/** A pause on the real clock (the one `endTimersWithFile` leaves alone). */
export const sleep = (ms: number) => new Promise<void>((resolve) => realSetTimeout(resolve, ms))

/**
 * Pages poll (places, codes, status) and codes renew themselves: the intervals
 * they start (and with `timeouts`, their timeouts: a renewal then no longer
 * re-arms itself) are ended with the test file, so jest can exit.
 */
export function endTimersWithFile({ timeouts = false } = {}): void {
  const intervals: ReturnType<typeof setInterval>[] = []
  const pending: ReturnType<typeof setTimeout>[] = []
  let stopped = false
  beforeAll(() => {
    global.setInterval = ((...args: Parameters<typeof setInterval>) => {
      const t = realSetInterval(...args)
      intervals.push(t)
      return t
    }) as typeof setInterval
    if (timeouts) {
      global.setTimeout = ((fn: () => void, ms?: number) => {
        const t = realSetTimeout(() => !stopped && fn(), ms)
        pending.push(t)
        return t
      }) as typeof setTimeout
    }
  })
  afterAll(() => {
    stopped = true
    intervals.forEach(clearInterval)
    pending.forEach(clearTimeout)
    global.setInterval = realSetInterval
    global.setTimeout = realSetTimeout
  })
}

/** Taro renders deep trees through custom-wrapper components; selectors do not cross them, so look inside each. */
export function findInWrappers(page: SimulatedComponent, selector: string): SimulatedComponent | undefined {
  const direct = page.querySelector(selector)
  if (direct) return direct
  for (const el of Array.from(page.dom.querySelectorAll('custom-wrapper'))) {
    const wrapper = page.querySelector(`#${el.getAttribute('data-sid') ?? ''}`)
    const inner = wrapper && findInWrappers(wrapper, selector)
    if (inner) return inner
  }
  return undefined
}
