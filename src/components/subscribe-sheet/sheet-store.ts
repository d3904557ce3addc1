/**
 * How a service opens the H5 demo's subscribe sheet without holding it: the mounted sheets register here (a stack,
 * because Taro's H5 keeps pages below the top one mounted) and the top one answers. With no sheet mounted the ask
 * falls back to a plain dialog, so a page that forgot to mount one still asks rather than consenting silently.
 */
import Taro from '@tarojs/taro'

export interface SheetRequest {
  templates: { id: string; title: string }[]
}

/** Template id → her choice; every template 'reject' when she tapped 取消. */
export type Decisions = Record<string, 'accept' | 'reject'>

type Opener = (req: SheetRequest, done: (d: Decisions) => void) => void

const openers: Opener[] = []

/** Registers a mounted sheet; the returned function unregisters it. */
export function registerSheet(open: Opener): () => void {
  openers.push(open)
  return () => {
    const i = openers.lastIndexOf(open)
    if (i >= 0) openers.splice(i, 1)
  }
}

export const rejectAll = (req: SheetRequest): Decisions => Object.fromEntries(req.templates.map((t) => [t.id, 'reject' as const]))

export async function openSubscribeSheet(req: SheetRequest): Promise<Decisions> {
  const top = openers[openers.length - 1]
  if (top) return new Promise((resolve) => top(req, resolve))
  const { confirm } = await Taro.showModal({
    title: `${APP_NAME} 申请发送以下消息`,
    content: req.templates.map((t) => t.title).join('、'),
    confirmText: '允许',
    cancelText: '取消',
  })
  return confirm ? Object.fromEntries(req.templates.map((t) => [t.id, 'accept' as const])) : rejectAll(req)
}

/** The mini-program's name, as WeChat's dialog names the app asking. */
export const APP_NAME = '工会会员服务'
