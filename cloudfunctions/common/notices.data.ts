/**
 * The ONE place a notice's values are made to fit its template (types/notice-templates.ts): WeChat refuses a
 * whole message (47003) for one value past its keyword's rule, so a long site name is cut here (thing ≤ 20
 * characters, ending in …) and every instant is written as WeChat's `time` wants it, in Beijing time
 * (2026年12月7日 10:00; a session as 2026年12月7日 08:00~10:00). Senders name keywords by their label (项目名称),
 * as the member reads them, and pass instants as UTC ms.
 */
import { keywordType, type KeywordType, type NoticeTemplate } from '~types/notice-templates'
import type { TemplateData } from './wechat'
import { inBeijing } from './time'

/** A keyword's value: text, an instant (UTC ms), or a range of two instants (a session). */
export type FieldValue = string | number | readonly [number, number]

export interface NoticeField {
  label: string
  value: FieldValue
}

const day = (at: number) => inBeijing(at).format('YYYY年M月D日')
const clockOf = (at: number) => inBeijing(at).format('HH:mm')

/** An instant or a range as WeChat's `time`/`date` keywords take it (the end's day only when it differs). */
export function wechatTime(v: number | readonly [number, number]): string {
  if (typeof v === 'number') return `${day(v)} ${clockOf(v)}`
  const [from, to] = v
  return day(from) === day(to) ? `${day(from)} ${clockOf(from)}~${clockOf(to)}` : `${wechatTime(from)}~${wechatTime(to)}`
}

const cut = (v: string, max: number) => ([...v].length <= max ? v : `${[...v].slice(0, max - 1).join('')}…`)

/** One value made to fit its keyword type's rule (KEYWORD_RULES) where it can be without changing its meaning. */
export function keywordValue(type: KeywordType, v: FieldValue): string {
  if (typeof v !== 'string') return wechatTime(v)
  const text = v.trim()
  if (type === 'thing') return cut(text || '—', 20)
  if (type === 'name') return cut(text, 10)
  if (type === 'phrase') return [...text.replace(/[^\p{Script=Han}]/gu, '')].slice(0, 5).join('')
  if (type === 'character_string' || type === 'number' || type === 'letter') return text.slice(0, 32)
  return text
}

/**
 * A sender's fields as the template's data (`subscribeMessage.send`) and as the outbox shows them, in the template's
 * order. A label the template lacks is a programming error (the catalogue and the sender disagree): it throws.
 */
export function templateData(t: Pick<NoticeTemplate, 'keywords' | 'title'>, fields: readonly NoticeField[]) {
  const byLabel = new Map(fields.map((f) => [f.label, f.value]))
  for (const f of fields) {
    if (!t.keywords.some((k) => k.label === f.label)) throw new Error(`notice ${t.title}: no keyword labelled ${f.label}`)
  }
  const data: TemplateData = {}
  const shown: { label: string; value: string }[] = []
  for (const k of t.keywords) {
    const raw = byLabel.get(k.label)
    const value = raw === undefined ? '' : keywordValue(keywordType(k.key) ?? 'thing', raw)
    data[k.key] = { value }
    shown.push({ label: k.label, value })
  }
  return { data, fields: shown }
}
