/**
 * WeChat one-time subscription messages, for every service: each opt-in allows exactly one notice, so a page asks
 * only at the tap where it matters (the booking, result and reminder notices when she books, the expiry reminder
 * when she claims a voucher, the match notice at sign-up and pick submission) and at most 3 templates a tap
 * (wx.requestSubscribeMessage's limit: the type refuses more). WeChat records her answer and is the judge of what
 * may be sent; the server is told which she accepted (the kit's `subscribe`) to show her opt-ins.
 * In weapp the template ids are build-time values (TARO_APP_NOTICE_TEMPLATES, JSON keyed by function and topic).
 * In the H5 demo a sheet that looks like WeChat's own dialog asks, and her answer goes to the local WeChat through
 * the host (`POST /wx/subscribe`), with the local template ids (`localTemplateId`).
 * Never throws: a failed opt-in must not block a booking, a claim or a pick.
 */
import Taro from '@tarojs/taro'
import type { FunctionActions } from '~types/functions'
import { localTemplateId, noticeTemplate, type NoticeTemplate } from '~types/notice-templates'
import { openSubscribeSheet } from '~src/components/subscribe-sheet/sheet-store'
import { call, type FunctionName } from './api'
import { getDemoOpenid } from './demo-session'

/** The functions that have notices: those whose action map has the kit's `subscribe`. */
export type NoticeFunction = { [F in FunctionName]: 'subscribe' extends keyof FunctionActions[F] ? F : never }[FunctionName]
type SubscribeOf<F extends NoticeFunction> = FunctionActions[F] extends { subscribe: [infer Q, unknown] } ? Q : never
export type TopicOf<F extends NoticeFunction> = SubscribeOf<F> extends { topics: (infer T)[] } ? T & string : never

/** One to three topics: wx.requestSubscribeMessage refuses more than 3 templates a tap (errCode 20003). */
export type UpToThree<T> = readonly [T] | readonly [T, T] | readonly [T, T, T]

export interface SubscribeOutcome<T extends string = string> {
  accepted: T[]
  message: string
}

/** WeChat's answer: template id → 'accept' | 'reject' | 'ban' | 'filter'. */
type Answer = Record<string, string>

/** The build replaces only the variables set in .env; an unset one would read `process`, which phones and browsers lack. */
function templates(): Record<string, Record<string, string>> {
  try {
    return JSON.parse(process.env.TARO_APP_NOTICE_TEMPLATES || '{}') as Record<string, Record<string, string>>
  } catch {
    return {}
  }
}

/** The template id of one topic of one function ('' when not configured); the H5 demo uses the local WeChat's. */
export function templateOf(fn: string, topic: string, table = templates()): string {
  if (process.env.TARO_ENV === 'h5') return localTemplateId(fn as NoticeTemplate['fn'], topic)
  return table[fn]?.[topic] ?? ''
}

/** Which topics WeChat says she accepted (pure; unit-tested). */
export function acceptedTopics<T extends string>(fn: string, topics: readonly T[], res: Answer, table = templates()): T[] {
  return topics.filter((t) => templateOf(fn, t, table) !== '' && res[templateOf(fn, t, table)] === 'accept')
}

/** On a phone: WeChat's own dialog. */
async function askWeChat(tmplIds: string[]): Promise<Answer> {
  return (await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] } as never)) as unknown as Answer
}

/** In the H5 demo: the look-alike sheet, then her answer recorded by the local WeChat (through the host). */
async function askDemo(fn: string, topics: readonly string[], tmplIds: string[]): Promise<Answer> {
  const titles = topics.map((t) => noticeTemplate(fn as NoticeTemplate['fn'], t)?.title ?? t)
  const decisions = await openSubscribeSheet({ templates: tmplIds.map((id, i) => ({ id, title: titles[i] })) })
  const res = await fetch(`${process.env.TARO_APP_API_BASE || ''}/wx/subscribe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-demo-openid': getDemoOpenid() },
    body: JSON.stringify({ tmplIds, decisions }),
  })
  if (!res.ok) throw new Error(`wx/subscribe ${res.status}`)
  return (await res.json()) as Answer
}

async function ask<T extends string>(fn: string, topics: readonly T[], where: string): Promise<SubscribeOutcome<T>> {
  const tmplIds = topics.map((t) => templateOf(fn, t)).filter(Boolean)
  if (tmplIds.length === 0) return { accepted: [], message: `消息模板尚未配置，通知将显示在${where}中` }
  try {
    const res = process.env.TARO_ENV === 'weapp' ? await askWeChat(tmplIds) : await askDemo(fn, topics, tmplIds)
    const accepted = acceptedTopics(fn, topics, res)
    return { accepted, message: accepted.length ? '已订阅，届时将通过微信通知您' : `您未允许通知，可在${where}中查看` }
  } catch {
    return { accepted: [], message: `未能打开订阅，通知将显示在${where}中` }
  }
}

/**
 * Asks for the opt-ins (WeChat's dialog, or the demo's sheet) and tells the server which were given. `where` names
 * the page where the notice shows anyway (“通知记录”, “匹配结果”页).
 */
export async function requestNotices<F extends NoticeFunction>(
  fn: F,
  topics: UpToThree<TopicOf<F>>,
  where = '“通知记录”',
): Promise<SubscribeOutcome<TopicOf<F>>> {
  const outcome = await ask(fn, topics, where)
  if (outcome.accepted.length > 0) {
    const data = { topics: outcome.accepted } as unknown as Parameters<typeof call<F, 'subscribe'>>[2]
    await call(fn, 'subscribe', data, { silent: true }).catch(() => undefined)
  }
  return outcome
}
