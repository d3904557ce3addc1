import Taro from '@tarojs/taro'

/**
 * 适老化: ONE type scale for the whole app, from two sources.
 *
 * 1. The phone's own setting. WeChat's guide for elder-friendly mini-programs
 *    (developers.weixin.qq.com/miniprogram/design/elderly.html) asks us to follow the WeChat font
 *    setting, read from `wx.getAppBaseInfo().fontSizeScaleFactor` (23.8 / 17 ≈ 1.4 at 关怀模式 on
 *    iOS). WeChat scales its own navigation bar but does not rescale our page: our sizes are rpx,
 *    which follow the screen width only, and we do not use `<page-meta page-font-size="system">`
 *    (it would only change text that inherits the page's size, i.e. almost none, and would then
 *    stack with ours). So we apply the factor ourselves, once, and nothing else scales it again.
 *    In the browser the stand-in is `?type-scale=1.4` (kept in localStorage `type-scale`, how the
 *    demo and the browser tests play a phone at 关怀模式) or the browser's own default text size.
 * 2. 长辈版, her own choice under 我的 (the national 适老化 rules ask for such a switch): at least
 *    the 关怀模式 size, roomier lines, and no pop-ups she must catch before they vanish.
 */
export interface TypeScale {
  /** The one multiplier every size is scaled by (1 = as designed). */
  factor: number
  /** 长辈版 is on. */
  elder: boolean
}

/** WeChat's 关怀模式 size over its standard size (iOS 23.8 / 17 px): what 长辈版 gives at least. */
export const ELDER_FACTOR = 1.4
/** Beyond twice the design, a 390 px phone fits only a few characters a line; the layout stops there. */
const MAX_FACTOR = 2
const ELDER_KEY = 'elder-mode'
const H5_KEY = 'type-scale'
const isH5 = process.env.TARO_ENV === 'h5'

function clampFactor(n: unknown): number {
  const v = typeof n === 'number' ? n : parseFloat(String(n))
  return Number.isFinite(v) && v > 0 ? Math.min(Math.max(v, 1), MAX_FACTOR) : 1
}

/** The browser's stand-in for WeChat's font setting: the URL/localStorage switch, else its own default text size. */
function browserFactor(): number {
  const fromUrl = new URLSearchParams(window.location.search).get(H5_KEY)
  if (fromUrl) window.localStorage.setItem(H5_KEY, fromUrl)
  const kept = window.localStorage.getItem(H5_KEY)
  if (kept) return clampFactor(kept)
  if (!document.body) return 1
  const probe = document.createElement('div')
  probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium'
  document.body.appendChild(probe)
  const medium = parseFloat(getComputedStyle(probe).fontSize)
  probe.remove()
  return clampFactor(medium / 16)
}

/** The phone's font setting as a factor (1 when it cannot be read, e.g. an old base library). */
export function phoneFactor(): number {
  if (isH5) return typeof window === 'undefined' ? 1 : browserFactor()
  try {
    const info = typeof Taro.getAppBaseInfo === 'function' ? Taro.getAppBaseInfo() : Taro.getSystemInfoSync()
    return clampFactor((info as { fontSizeScaleFactor?: number }).fontSizeScaleFactor)
  } catch {
    return 1
  }
}

export function isElder(): boolean {
  return Taro.getStorageSync(ELDER_KEY) === true
}

/** The scale in force now: the phone's factor, raised to 关怀模式 size when 长辈版 is on. */
export function readTypeScale(): TypeScale {
  const elder = isElder()
  const phone = phoneFactor()
  return { elder, factor: elder ? Math.max(phone, ELDER_FACTOR) : phone }
}

type Listener = (s: TypeScale) => void
const listeners = new Set<Listener>()

export function onTypeScale(fn: Listener): () => void {
  listeners.add(fn)
  return () => listeners.delete(fn)
}

/** 长辈版 on or off: kept on the phone, applied at once on every page that is open. */
export function setElder(on: boolean): void {
  Taro.setStorageSync(ELDER_KEY, on)
  const s = readTypeScale()
  applyTypeScale(s)
  listeners.forEach((fn) => fn(s))
}

/**
 * H5: every size is px→rem (config/index.ts), so scaling the root font size scales the whole page,
 * type, gaps and tap targets alike. Taro's inline script keeps writing its width-based root size;
 * app.css multiplies that same size by `--type-scale` under `html.type-scaled` (!important wins over
 * the inline style). The class also turns on the roomier lines. WeChat has no <html>: the page root
 * does it there (PageFrame).
 */
export function applyTypeScale(s: TypeScale = readTypeScale()): void {
  if (!isH5 || typeof document === 'undefined') return
  const root = document.documentElement
  root.style.setProperty('--type-scale', String(s.factor))
  root.classList.toggle('type-scaled', s.factor > 1)
  root.classList.toggle('type-elder', s.elder)
}
