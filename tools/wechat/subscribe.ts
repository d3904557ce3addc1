/**
 * `subscribeMessage.send` as WeChat decides it: a template it knows (40037), a page of the app (41030), data
 * that keeps each keyword's type rule (47003), and one of her one-time opt-ins left for that template (43101).
 * The templates it knows are read at call time: every catalogue entry under its local id, and every id in
 * WX_TEMPLATE_IDS (the ids a union's console gave it), which keep their catalogue entry's keyword rules.
 */
import { localTemplateId, NOTICE_TEMPLATES, type NoticeTemplate, templateDataError } from '~types/notice-templates'
import { WX, type WxError, wxError } from './errors'
import { appPages } from './pages'
import type { DeliveredMessage, WechatState } from './state'

export interface SendParams {
  touser?: unknown
  template_id?: unknown
  page?: unknown
  data?: unknown
  miniprogram_state?: unknown
}

type Known = Map<string, Pick<NoticeTemplate, 'keywords'> | null>

function configuredIds(raw: string | undefined): [fn: string, topic: string, id: string][] {
  try {
    const parsed = JSON.parse(raw || '{}') as Record<string, Record<string, string>>
    return Object.entries(parsed).flatMap(([fn, topics]) =>
      Object.entries(topics).map(([topic, id]) => [fn, topic, id] as [string, string, string]),
    )
  } catch {
    return []
  }
}

export function knownTemplates(templates: readonly NoticeTemplate[] = NOTICE_TEMPLATES, ids = process.env.WX_TEMPLATE_IDS): Known {
  const known: Known = new Map(templates.map((t) => [localTemplateId(t.fn, t.topic), t]))
  for (const [fn, topic, id] of configuredIds(ids)) known.set(id, templates.find((t) => t.fn === fn && t.topic === topic) ?? null)
  return known
}

const STATES = ['developer', 'trial', 'formal']

function refusal(p: SendParams, known: Known): WxError | null {
  if (typeof p.touser !== 'string' || p.touser === '') return wxError(WX.BAD_OPENID)
  const template = typeof p.template_id === 'string' ? known.get(p.template_id) : undefined
  if (template === undefined) return wxError(WX.BAD_TEMPLATE)
  if (p.page !== undefined && (typeof p.page !== 'string' || !appPages().has(p.page.split('?')[0]))) return wxError(WX.BAD_PAGE)
  if (p.miniprogram_state !== undefined && !STATES.includes(p.miniprogram_state as string)) return wxError(WX.BAD_FORMAT)
  const data = (p.data ?? {}) as Record<string, { value: string }>
  const broken = template && templateDataError(template, data)
  return broken ? wxError(WX.BAD_DATA, broken) : null
}

/** Decides one send; on success spends her opt-in and records the message. */
export function send(state: WechatState, p: SendParams, known = knownTemplates()): WxError | { msgid: string; message: DeliveredMessage } {
  const refused = refusal(p, known)
  if (refused) return refused
  const touser = p.touser as string
  const templateId = p.template_id as string
  if (!state.spend(touser, templateId)) return wxError(WX.REFUSED)
  const message = state.record({
    touser,
    templateId,
    page: (p.page as string | undefined) ?? '',
    data: (p.data ?? {}) as DeliveredMessage['data'],
  })
  return { msgid: message.msgid, message }
}
