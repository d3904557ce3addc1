/**
 * `security.msgSecCheck` version 2 as WeChat answers it: `result.suggest` pass / review / risky with a label,
 * from the demo word list in words.json (risky words win over review words). Refusals: openid missing (40003),
 * scene not 1–4 (40129), content empty (44002) or over 2,500 characters (47001).
 */
import { randomBytes } from 'node:crypto'
import words from './words.json'
import { WX, type WxError, wxError } from './errors'

export interface TextParams {
  version?: unknown
  openid?: unknown
  scene?: unknown
  content?: unknown
}

type Suggest = 'pass' | 'review' | 'risky'

export interface TextAnswer {
  result: { suggest: Suggest; label: number }
  detail: { strategy: string; errcode: number; suggest: Suggest; label: number; keyword?: string; prob?: number }[]
  trace_id: string
}

export const MAX_CONTENT = 2500

function refusal(p: TextParams): WxError | null {
  if (p.version !== 2) return wxError(WX.BAD_FORMAT, 'invalid version')
  if (typeof p.openid !== 'string' || p.openid === '') return wxError(WX.BAD_OPENID)
  if (typeof p.scene !== 'number' || ![1, 2, 3, 4].includes(p.scene)) return wxError(WX.BAD_TEXT_SCENE)
  if (typeof p.content !== 'string' || p.content === '') return wxError(WX.EMPTY)
  if ([...p.content].length > MAX_CONTENT) return wxError(WX.BAD_FORMAT)
  return null
}

function verdict(content: string): { suggest: Suggest; label: number; keyword?: string } {
  const risky = words.risky.find((w) => content.includes(w.word))
  if (risky) return { suggest: 'risky', label: risky.label, keyword: risky.word }
  const review = words.review.find((w) => content.includes(w.word))
  if (review) return { suggest: 'review', label: review.label, keyword: review.word }
  return { suggest: 'pass', label: 100 }
}

export function checkText(p: TextParams): WxError | TextAnswer {
  const refused = refusal(p)
  if (refused) return refused
  const { suggest, label, keyword } = verdict(p.content as string)
  const detail: TextAnswer['detail'] = [{ strategy: 'content_model', errcode: 0, suggest, label, prob: suggest === 'pass' ? 0 : 90 }]
  if (keyword) detail.push({ strategy: 'keyword', errcode: 0, suggest, label, keyword })
  return { result: { suggest, label }, detail, trace_id: randomBytes(8).toString('hex') }
}
