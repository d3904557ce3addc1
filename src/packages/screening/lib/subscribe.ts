import Taro from '@tarojs/taro'
import type { NoticeTopic } from '../../../../types/screening'
import { call } from '../../../services/api'

/**
 * WeChat one-time subscription messages: each opt-in allows exactly one notice,
 * so we ask only at the moment it is useful (a reminder before release, the
 * booking and result notices when she books). Template ids are build-time
 * values in .env; the server counts the opt-ins (`subscribe`).
 */
/** The build replaces only the variables set in .env; an unset one would read `process`, which phones and browsers lack. */
function fromEnv(read: () => string | undefined): string {
  try {
    return read() || ''
  } catch {
    return ''
  }
}

const TEMPLATES: Record<NoticeTopic, string> = {
  release: fromEnv(() => process.env.TARO_APP_SCREENING_TMPL_RELEASE),
  booking: fromEnv(() => process.env.TARO_APP_SCREENING_TMPL_BOOKING),
  reminder: fromEnv(() => process.env.TARO_APP_SCREENING_TMPL_REMINDER),
  offer: fromEnv(() => process.env.TARO_APP_SCREENING_TMPL_OFFER),
  result: fromEnv(() => process.env.TARO_APP_SCREENING_TMPL_RESULT),
}

export interface SubscribeOutcome {
  accepted: NoticeTopic[]
  message: string
}

/** Which topics WeChat says she accepted (pure; unit-tested). */
export function acceptedTopics(topics: NoticeTopic[], res: Record<string, string>): NoticeTopic[] {
  return topics.filter((t) => TEMPLATES[t] !== '' && res[TEMPLATES[t]] === 'accept')
}

async function askWeChat(topics: NoticeTopic[]): Promise<SubscribeOutcome> {
  const ids = topics.map((t) => TEMPLATES[t]).filter(Boolean)
  if (ids.length === 0) return { accepted: [], message: '消息模板尚未配置，通知将显示在“通知记录”中。' }
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] } as never)) as unknown as Record<string, string>
    const accepted = acceptedTopics(topics, res)
    return { accepted, message: accepted.length ? '已订阅，届时将通过微信通知您' : '您未允许通知，可在“通知记录”中查看' }
  } catch {
    return { accepted: [], message: '未能打开订阅，通知将显示在“通知记录”中' }
  }
}

/**
 * Asks for the opt-ins and tells the server which were given. In the H5 demo
 * there is no WeChat: the opt-in is simulated so the outbox shows what would
 * have been sent. Never throws: a failed opt-in must not block a booking.
 */
export async function requestNotices(topics: NoticeTopic[]): Promise<SubscribeOutcome> {
  const outcome =
    process.env.TARO_ENV === 'weapp'
      ? await askWeChat(topics)
      : { accepted: topics, message: '网页版不能发送微信消息；本地演示中通知会出现在“通知记录”页。' }
  if (outcome.accepted.length > 0) {
    await call('screening', 'subscribe', { topics: outcome.accepted }, { silent: true }).catch(() => undefined)
  }
  return outcome
}
