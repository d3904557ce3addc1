/**
 * WeChat one-time subscription notices. Each opt-in allows exactly one send,
 * so credits are counted per topic; every notice is written to the outbox
 * (what WeChat would have been asked to send) with whether it had a credit.
 * Callers pass only non-health fields: a result notice says "ready", never what.
 */
import { randomBytes } from 'node:crypto'
import type { Clock } from '../common/clock'
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import type { NoticeKind, NoticeTopic, OutboxNoticeDTO } from '../../types/screening'
import { getAll, getById } from './catalog.repository'

export const TOPICS: NoticeTopic[] = ['booking', 'offer', 'result', 'release']

const TITLES: Record<NoticeKind, string> = {
  booking_confirmation: '预约成功通知',
  booking_reminder: '预约就诊提醒',
  waitlist_offer: '候补名额通知',
  result_ready: '检查结果已出通知',
  release_reminder: '预约开放提醒',
}

const TOPIC_OF: Record<NoticeKind, NoticeTopic> = {
  booking_confirmation: 'booking',
  booking_reminder: 'booking',
  waitlist_offer: 'offer',
  result_ready: 'result',
  release_reminder: 'release',
}

export interface OutboxDoc extends Omit<OutboxNoticeDTO, 'id' | 'to'> {
  _id: string
  openid: string
  /** Masked recipient name, for officers' view. */
  toName: string
}

interface OptinDoc {
  _id: string
  credits: Record<NoticeTopic, number>
}

export function createNoticeService(db: Db, clock: Clock) {
  const _ = db.command
  const optins = () => db.collection(COLLECTIONS.noticeOptins)
  async function ensureOptin(openid: string): Promise<void> {
    if (await getById(db, COLLECTIONS.noticeOptins, openid)) return
    const credits = Object.fromEntries(TOPICS.map((t) => [t, 0]))
    await optins().add({ _id: openid, credits }).catch(() => undefined) // a concurrent add made it
  }
  async function subscribe(openid: string, topics: NoticeTopic[]): Promise<Record<NoticeTopic, number>> {
    await ensureOptin(openid)
    for (const t of topics) await optins().doc(openid).update({ [`credits.${t}`]: _.inc(1) })
    return (await getById<OptinDoc>(db, COLLECTIONS.noticeOptins, openid))!.credits
  }
  /** Spends one credit of the topic: one conditional update, so two sends never share one opt-in. */
  async function spend(openid: string, topic: NoticeTopic): Promise<boolean> {
    const r = await optins().where({ _id: openid, [`credits.${topic}`]: _.gt(0) }).update({ [`credits.${topic}`]: _.inc(-1) })
    return r.updated === 1
  }
  async function send(n: { openid: string; toName: string; kind: NoticeKind; page: string; fields: OutboxDoc['fields'] }) {
    const delivered = await spend(n.openid, TOPIC_OF[n.kind])
    const doc: OutboxDoc = {
      _id: `n-${clock()}-${randomBytes(4).toString('hex')}`,
      openid: n.openid,
      toName: n.toName,
      kind: n.kind,
      title: TITLES[n.kind],
      page: n.page,
      fields: n.fields,
      createdAt: clock(),
      delivered,
      skippedReason: delivered ? null : '用户未订阅该类通知（无可用订阅次数）',
    }
    await db.collection(COLLECTIONS.outbox).add(doc)
    return doc
  }
  async function list(openid: string | null): Promise<OutboxNoticeDTO[]> {
    const docs = await getAll<OutboxDoc>(db, COLLECTIONS.outbox, openid ? { openid } : {})
    return docs
      .sort((a, b) => b.createdAt - a.createdAt)
      .map(({ _id, openid: _o, toName, ...rest }) => ({ id: _id, to: toName, ...rest }))
  }
  return { subscribe, spend, send, list }
}

export type NoticeService = ReturnType<typeof createNoticeService>
