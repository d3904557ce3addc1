/**
 * The local demo's 微信通知: her delivered subscription messages as the local WeChat keeps them (host `GET
 * /wx/messages`), read against the one template catalogue so each shows its title and keyword labels as WeChat's
 * 服务通知 does. H5 only: on a phone WeChat itself shows them.
 */
import { localTemplateId, NOTICE_TEMPLATES, type NoticeTemplate } from '~types/notice-templates'
import { getDemoOpenid } from '~src/services/demo-session'

export interface DeliveredMessage {
  msgid: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
  at: number
}

export interface MessageCard {
  id: string
  title: string
  at: number
  rows: { label: string; value: string }[]
  /** The app page the message opens (with its query). */
  url: string
}

const byLocalId = new Map<string, NoticeTemplate>(NOTICE_TEMPLATES.map((t) => [localTemplateId(t.fn, t.topic), t]))

/** One message as its card: keyword rows in the template's order (unknown keys as they came). Pure; unit-tested. */
export function messageCard(m: DeliveredMessage, templates = byLocalId): MessageCard {
  const t = templates.get(m.templateId)
  const rows = t
    ? t.keywords.map((k) => ({ label: k.label, value: m.data[k.key]?.value ?? '' }))
    : Object.entries(m.data).map(([label, v]) => ({ label, value: v.value }))
  return { id: m.msgid, title: t?.title ?? '订阅消息', at: m.at, rows, url: `/${m.page.replace(/^\//, '')}` }
}

/** Her messages, newest first, as the phone lists them. */
export async function loadMessages(): Promise<MessageCard[]> {
  const res = await fetch(`${process.env.TARO_APP_API_BASE || ''}/wx/messages`, { headers: { 'x-demo-openid': getDemoOpenid() } })
  const body = (await res.json().catch(() => ({}))) as { messages?: DeliveredMessage[]; message?: string }
  if (!res.ok) throw new Error(body.message || '本地微信暂不可用')
  return (body.messages ?? []).map((m) => messageCard(m)).reverse()
}
