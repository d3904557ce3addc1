/**
 * The subscription-message templates: ONE catalogue for every notice kind of every function, read by
 * the functions (to build `subscribeMessage.send` data), the client (to ask for opt-ins), the local
 * WeChat (tools/wechat/, to refuse what WeChat refuses) and `npm run wechat:templates`.
 * A topic is one template in the mini-program console: an opt-in is given per template id, so every
 * kind of a topic uses that topic's template. Template ids come from configuration (WX_TEMPLATE_IDS on
 * the server, TARO_APP_NOTICE_TEMPLATES in the client; docs/wechat.md); the local WeChat knows each
 * template by `localTemplateId`.
 *
 * Keyword rules, from WeChat's 订阅消息参数值内容限制说明 (subscribeMessage.send, developers.weixin.qq.com):
 * thing ≤ 20 characters; number ≤ 32 digits (a decimal point allowed); letter ≤ 32 letters; symbol ≤ 5
 * symbols; character_string ≤ 32 digits, letters or symbols; time 24-hour time, optionally with a date
 * (15:01, 2019年10月1日 15:01), a range joined by ~; date 年月日, optionally with a time; amount one
 * currency sign + ≤ 10 digits, decimals allowed, may end in 元; phone_number ≤ 17 digits or symbols;
 * car_number ≤ 8; name ≤ 10 Chinese characters or ≤ 20 letters; phrase ≤ 5 Chinese characters.
 * A value that breaks its rule, or an empty one, is refused with 47003.
 */
import type { MatchNoticeKind } from './matchmaking'
import type { NoticeKind } from './screening'
import type { VoucherNoticeKind } from './vouchers'

export type KeywordType =
  | 'thing'
  | 'number'
  | 'letter'
  | 'symbol'
  | 'character_string'
  | 'time'
  | 'date'
  | 'amount'
  | 'phone_number'
  | 'car_number'
  | 'name'
  | 'phrase'

export interface TemplateKeyword {
  /** The keyword's key in the template: its type and WeChat's number (`thing1`, `time3`). */
  key: `${KeywordType}${number}`
  /** The keyword's name as the member sees it (检查项目). */
  label: string
}

export interface NoticeTemplate {
  fn: 'screening' | 'vouchers' | 'matchmaking'
  /** The opt-in topic (one template id per topic). */
  topic: string
  /** The notice kinds sent with this template. */
  kinds: readonly string[]
  /** The template's title as chosen from WeChat's library (预约成功通知). */
  title: string
  keywords: readonly TemplateKeyword[]
  /** A typical notice's values, key by key: `npm run wechat:templates` checks them against the rules. */
  sample: Record<string, string>
}

export function keywordType(key: string): KeywordType | null {
  const m = /^([a-z_]+?)(\d+)$/.exec(key)
  return m && (Object.hasOwn(KEYWORD_RULES, m[1]) ? (m[1] as KeywordType) : null)
}

const HAN = /\p{Script=Han}/u
const CLOCK = '([01]?\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)?'
const DAY = '\\d{4}年\\d{1,2}月\\d{1,2}日'
const range = (one: string) => new RegExp(`^${one}(\\s*~\\s*${one})?$`, 'u')

/** Each keyword type's rule: true when WeChat accepts the value. */
export const KEYWORD_RULES: Record<KeywordType, (v: string) => boolean> = {
  thing: (v) => [...v].length <= 20,
  number: (v) => /^\d+(\.\d+)?$/.test(v) && v.length <= 32,
  letter: (v) => /^[A-Za-z]{1,32}$/.test(v),
  symbol: (v) => /^[^\p{L}\p{N}\s]{1,5}$/u.test(v),
  character_string: (v) => /^[\x21-\x7e]{1,32}$/.test(v),
  time: (v) => range(`(${DAY}\\s*)?${CLOCK}`).test(v),
  date: (v) => range(`${DAY}(\\s*${CLOCK})?`).test(v),
  amount: (v) => /^[¥￥$]\d{1,10}(\.\d{1,2})?元?$/.test(v),
  phone_number: (v) => /^[\d+\-() ]{1,17}$/.test(v),
  car_number: (v) => [...v].length <= 8,
  name: (v) => (HAN.test(v) ? [...v].length <= 10 : /^[A-Za-z .·-]{1,20}$/.test(v)),
  phrase: (v) => /^\p{Script=Han}{1,5}$/u.test(v),
}

/** Why a template's data would be refused (47003), or null when WeChat accepts it. */
export function templateDataError(t: Pick<NoticeTemplate, 'keywords'>, data: Record<string, { value: string }>): string | null {
  for (const { key } of t.keywords) {
    const value = data[key]?.value
    if (typeof value !== 'string' || value.trim() === '') return `argument invalid! data.${key}.value is empty`
    const type = keywordType(key)
    if (!type || !KEYWORD_RULES[type](value)) return `argument invalid! data.${key}.value invalid`
  }
  return null
}

/** The id the local WeChat (tools/wechat/) knows each template by; real ids come from configuration. */
export function localTemplateId(fn: NoticeTemplate['fn'], topic: string): string {
  return `local-${fn}-${topic}`
}

/**
 * One entry per topic of every function with notices (issue 16 §4); titles and keywords as chosen from
 * WeChat's public template library in the mini-program console (docs/wechat.md, "## Templates").
 * The result notice carries no health data: only that a result is ready, never what it is.
 */
export const NOTICE_TEMPLATES = [
  {
    fn: 'screening',
    topic: 'booking',
    kinds: ['booking_confirmation'],
    title: '预约成功通知',
    keywords: [
      { key: 'thing1', label: '项目名称' },
      { key: 'time2', label: '预约时间' },
      { key: 'thing3', label: '就诊地点' },
    ],
    sample: { thing1: '2026年女职工两癌免费筛查', time2: '2026年12月7日 08:00~10:00', thing3: '妇女保健科（南京市妇幼保健院）' },
  },
  {
    fn: 'screening',
    topic: 'reminder',
    kinds: ['booking_reminder'],
    title: '就诊提醒',
    keywords: [
      { key: 'thing1', label: '项目名称' },
      { key: 'time2', label: '就诊时间' },
      { key: 'thing3', label: '就诊地点' },
    ],
    sample: { thing1: '2026年女职工两癌免费筛查', time2: '2026年12月8日 08:00~10:00', thing3: '妇女保健科（南京市妇幼保健院）' },
  },
  {
    fn: 'screening',
    topic: 'offer',
    kinds: ['waitlist_offer'],
    title: '候补成功通知',
    keywords: [
      { key: 'thing1', label: '项目名称' },
      { key: 'time2', label: '候补场次' },
      { key: 'time3', label: '保留至' },
      { key: 'thing4', label: '温馨提示' },
    ],
    sample: {
      thing1: '2026年女职工两癌免费筛查',
      time2: '2026年12月9日 08:00~10:00',
      time3: '2026年12月7日 18:00',
      thing4: '逾期将顺延给下一位',
    },
  },
  {
    fn: 'screening',
    topic: 'result',
    kinds: ['result_ready'],
    title: '检查结果通知',
    keywords: [
      { key: 'thing1', label: '项目名称' },
      { key: 'thing2', label: '温馨提示' },
    ],
    sample: { thing1: '2026年女职工两癌免费筛查', thing2: '您的检查结果已出，请进入小程序查看' },
  },
  {
    fn: 'screening',
    topic: 'release',
    kinds: ['release_reminder'],
    title: '预约开放提醒',
    keywords: [
      { key: 'thing1', label: '项目名称' },
      { key: 'time2', label: '开放时间' },
      { key: 'thing3', label: '温馨提示' },
    ],
    sample: { thing1: '2026年女职工两癌免费筛查', time2: '2026年12月1日 09:00', thing3: '预约已开放，名额有限，请尽快预约' },
  },
  {
    fn: 'vouchers',
    topic: 'voucher',
    kinds: ['voucher_expiry'],
    title: '优惠券到期提醒',
    keywords: [
      { key: 'thing1', label: '券名称' },
      { key: 'time2', label: '到期时间' },
      { key: 'thing3', label: '温馨提示' },
    ],
    sample: { thing1: '工会福利消费券', time2: '2027年3月11日 10:00', thing3: '消费券即将到期，请尽快使用' },
  },
  {
    fn: 'matchmaking',
    topic: 'match',
    kinds: ['match_found'],
    title: '活动结果通知',
    keywords: [
      { key: 'thing1', label: '活动名称' },
      { key: 'thing2', label: '结果' },
    ],
    sample: { thing1: '青年职工联谊会（冬季场）', thing2: '心动选择结果已公布，请进入小程序查看' },
  },
] as const satisfies readonly NoticeTemplate[]

/** Each topic's template title, for the pages that name her opt-ins (the labels files derive theirs from here). */
export function topicTitles(fn: NoticeTemplate['fn']): Record<string, string> {
  return Object.fromEntries(NOTICE_TEMPLATES.filter((t) => t.fn === fn).map((t) => [t.topic, t.title]))
}

/** The template of one topic of one function. */
export function noticeTemplate(fn: NoticeTemplate['fn'], topic: string): NoticeTemplate | undefined {
  return NOTICE_TEMPLATES.find((t) => t.fn === fn && t.topic === topic)
}

/**
 * Every notice kind each function sends, as its types name them: `npm run wechat:templates` checks that each has a
 * template, and each function's catalogue is built from these and the templates (common/notices.ts `noticeCatalogue`).
 */
export const NOTICE_KINDS = {
  screening: ['booking_confirmation', 'booking_reminder', 'waitlist_offer', 'result_ready', 'release_reminder'],
  vouchers: ['voucher_expiry'],
  matchmaking: ['match_found'],
} as const satisfies { screening: readonly NoticeKind[]; vouchers: readonly VoucherNoticeKind[]; matchmaking: readonly MatchNoticeKind[] }

/** Compile-time: a kind added to a function's types but not listed above fails here. */
type Missing =
  | Exclude<NoticeKind, (typeof NOTICE_KINDS.screening)[number]>
  | Exclude<VoucherNoticeKind, 'voucher_expiry'>
  | Exclude<MatchNoticeKind, 'match_found'>
export const NOTICE_KINDS_COMPLETE: [Missing] extends [never] ? true : never = true
