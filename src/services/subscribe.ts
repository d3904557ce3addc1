/**
 * WeChat one-time subscription messages, for every service: each opt-in allows exactly one notice,
 * so a page asks only at the moment it is useful (a reminder before release, the booking and result
 * notices when she books, the match notice when he submits, the expiry reminder when she claims a
 * voucher), and the server counts what she accepted (the kit's `subscribe` action, notice-actions.ts).
 * Template ids are build-time values (TARO_APP_NOTICE_TEMPLATES, JSON keyed by function and topic).
 * In the H5 demo there is no WeChat: the opt-in is simulated so the outbox shows what would have been
 * sent. Never throws: a failed opt-in must not block a booking, a claim or a pick.
 */
import Taro from '@tarojs/taro'
import type { FunctionActions } from '~types/functions'
import { call, type FunctionName } from './api'

/** The functions that have notices: those whose action map has the kit's `subscribe`. */
export type NoticeFunction = { [F in FunctionName]: 'subscribe' extends keyof FunctionActions[F] ? F : never }[FunctionName]
type SubscribeOf<F extends NoticeFunction> = FunctionActions[F] extends { subscribe: [infer Q, unknown] } ? Q : never
export type TopicOf<F extends NoticeFunction> = SubscribeOf<F> extends { topics: (infer T)[] } ? T & string : never

export interface SubscribeOutcome<T extends string = string> {
  accepted: T[]
  message: string
}

/** The build replaces only the variables set in .env; an unset one would read `process`, which phones and browsers lack. */
function templates(): Record<string, Record<string, string>> {
  try {
    return JSON.parse(process.env.TARO_APP_NOTICE_TEMPLATES || '{}') as Record<string, Record<string, string>>
  } catch {
    return {}
  }
}

/** The template id of one topic of one function ('' when not configured). */
export function templateOf(fn: string, topic: string, table = templates()): string {
  return table[fn]?.[topic] ?? ''
}

/** Which topics WeChat says she accepted (pure; unit-tested). */
export function acceptedTopics<T extends string>(fn: string, topics: T[], res: Record<string, string>, table = templates()): T[] {
  return topics.filter((t) => templateOf(fn, t, table) !== '' && res[templateOf(fn, t, table)] === 'accept')
}

async function askWeChat<T extends string>(fn: string, topics: T[], where: string): Promise<SubscribeOutcome<T>> {
  const ids = topics.map((t) => templateOf(fn, t)).filter(Boolean)
  if (ids.length === 0) return { accepted: [], message: `消息模板尚未配置，通知将显示在${where}中` }
  try {
    // wx.requestSubscribeMessage takes at most 3 templates per tap.
    const res = (await Taro.requestSubscribeMessage({ tmplIds: ids.slice(0, 3), entityIds: [] } as never)) as unknown as Record<
      string,
      string
    >
    const accepted = acceptedTopics(fn, topics, res)
    return { accepted, message: accepted.length ? '已订阅，届时将通过微信通知您' : `您未允许通知，可在${where}中查看` }
  } catch {
    return { accepted: [], message: `未能打开订阅，通知将显示在${where}中` }
  }
}

/**
 * Asks WeChat for the opt-ins and tells the server which were given. `where` names the page where
 * the notice shows anyway (“通知记录”, “匹配结果”页).
 */
export async function requestNotices<F extends NoticeFunction>(
  fn: F,
  topics: TopicOf<F>[],
  where = '“通知记录”',
): Promise<SubscribeOutcome<TopicOf<F>>> {
  const outcome =
    process.env.TARO_ENV === 'weapp'
      ? await askWeChat(fn, topics, where)
      : { accepted: topics, message: `网页版不能发送微信消息；本地演示中通知会出现在${where}中。` }
  if (outcome.accepted.length > 0) {
    const data = { topics: outcome.accepted } as unknown as Parameters<typeof call<F, 'subscribe'>>[2]
    await call(fn, 'subscribe', data, { silent: true }).catch(() => undefined)
  }
  return outcome
}
