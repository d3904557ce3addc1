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
  name: (v) => (HAN.test(v) ? [...v].length <= 10 : /^[A-Za-z .·\-]{1,20}$/.test(v)),
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

/** Filled in by the notices work (issue 16 §4): one entry per topic of every function with notices. */
export const NOTICE_TEMPLATES: readonly NoticeTemplate[] = []
