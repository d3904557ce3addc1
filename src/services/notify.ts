import Taro from '@tarojs/taro'
import { isElder } from './type-scale'

/**
 * The one way to say "done" (已保存, 签到成功…). Normally WeChat's toast, gone after 1.5 s; in 长辈版
 * (no pop-ups other than confirmations) a banner at the top of the page instead, which stays until
 * she taps 知道了 or the next message replaces it, so she reads it at her own pace. The banner is
 * global, not per page: a message said just before navigating back shows on the page she lands on.
 */
export interface Notice {
  text: string
  /** Grows with each message, so the same words said twice still show anew. */
  seq: number
}

type Listener = (n: Notice | null) => void
let current: Notice | null = null
let seq = 0
const listeners = new Set<Listener>()

function publish(n: Notice | null): void {
  current = n
  listeners.forEach((fn) => fn(n))
}

/**
 * WeChat's toast with an icon shows at most 7 characters, without one two lines (wx.showToast's `icon`,
 * developers.weixin.qq.com/miniprogram/dev/api/ui/interaction/wx.showToast.html):
 * a longer message (已获得工作人员身份) goes without the icon, whole.
 */
const ICON_TEXT_MAX = 7

export function notify(text: string): void {
  if (isElder()) publish({ text, seq: ++seq })
  else void Taro.showToast({ title: text, icon: [...text].length <= ICON_TEXT_MAX ? 'success' : 'none' })
}

export function dismissNotice(): void {
  publish(null)
}

export function currentNotice(): Notice | null {
  return current
}

export function onNotice(fn: Listener): () => void {
  listeners.add(fn)
  return () => listeners.delete(fn)
}
