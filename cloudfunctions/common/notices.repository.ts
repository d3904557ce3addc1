/** Opt-in credits and the delivery queue: the only code touching `notice_optins` and `outbox`. */
import type { NoticeState } from '~types/notices'
import { COLLECTIONS } from './collections'
import type { Db } from './db'
import { insertOnce } from './db-errors'
import { readAll } from './paginate'
import type { TemplateData } from './wechat'

export interface OutboxDoc {
  _id: string
  /** The function whose timer delivers it (the outbox is shared). */
  fn: string
  openid: string
  /** Masked recipient name, for officers' view. */
  toName: string
  kind: string
  topic: string
  title: string
  page: string
  /** The keyword values as the member reads them, in the template's order. */
  fields: { label: string; value: string }[]
  /** The same values keyed as `subscribeMessage.send` takes them. */
  data: TemplateData
  createdAt: number
  state: NoticeState
  attempts: number
  /** When the timer may next ask WeChat (a retry's backoff). */
  dueAt: number
  /** While `sending`: past this, the call that took it is presumed dead (→ `unknown`). */
  leaseUntil: number | null
  errcode: number | null
  /** Why it did not arrive, in Chinese (未送达：用户未订阅 …). */
  reason: string | null
  msgid: string | null
  deliveredAt: number | null
}

/** What the timer records after WeChat answered (or did not). */
export type OutboxOutcome = Partial<Pick<OutboxDoc, 'state' | 'attempts' | 'dueAt' | 'errcode' | 'reason' | 'msgid' | 'deliveredAt'>>

interface OptinDoc {
  _id: string
  credits: Record<string, number>
  /** Request ids of the opt-ins granted, so a retried `subscribe` never grants twice. */
  grants?: string[]
}

export function createNoticesRepository(db: Db) {
  const _ = db.command
  const optins = () => db.collection(COLLECTIONS.noticeOptins)
  return {
    async credits(openid: string): Promise<Record<string, number> | null> {
      const doc = (await optins().doc(openid).get()).data[0] as OptinDoc | undefined
      return doc?.credits ?? null
    },
    /** Creates her opt-in document with these topics at zero; a concurrent creation is as good. */
    async ensure(openid: string, topics: readonly string[]): Promise<void> {
      await insertOnce(optins(), { _id: openid, credits: Object.fromEntries(topics.map((t) => [t, 0])), grants: [] })
    },
    /** One more send per topic, once per request id (a retry of the same tap grants nothing more). */
    async grant(openid: string, topics: readonly string[], requestId: string | null): Promise<void> {
      const incs = Object.fromEntries(topics.map((t) => [`credits.${t}`, _.inc(1)]))
      if (!requestId) return void (await optins().doc(openid).update(incs))
      await optins()
        .where({ _id: openid, grants: _.neq(requestId) })
        .update({ ...incs, grants: _.push(requestId) })
    },
    /** Her view of what she accepted: one fewer after a delivery (WeChat, not this count, decides what is sent). */
    async spend(openid: string, topic: string): Promise<boolean> {
      const r = await optins()
        .where({ _id: openid, [`credits.${topic}`]: _.gt(0) })
        .update({ [`credits.${topic}`]: _.inc(-1) })
      return r.updated === 1
    },
    async append(doc: OutboxDoc): Promise<void> {
      await db.collection(COLLECTIONS.outbox).add(doc)
    },
    /** Queued notices of one function whose time has come, oldest first. */
    async due(fn: string, now: number, limit: number): Promise<OutboxDoc[]> {
      const q = db.collection(COLLECTIONS.outbox).where({ fn, state: 'queued', dueAt: _.lte(now) })
      return (await q.orderBy('dueAt', 'asc').limit(limit).get()).data as OutboxDoc[]
    },
    /** Notices left `sending` past their lease: the call that took them died. */
    async stale(fn: string, now: number, limit: number): Promise<OutboxDoc[]> {
      const q = db.collection(COLLECTIONS.outbox).where({ fn, state: 'sending', leaseUntil: _.lt(now) })
      return (await q.limit(limit).get()).data as OutboxDoc[]
    },
    /** queued → sending with ONE conditional update: of two timers only one asks WeChat. */
    async take(d: OutboxDoc, leaseUntil: number): Promise<boolean> {
      const r = await db
        .collection(COLLECTIONS.outbox)
        .where({ _id: d._id, state: 'queued', attempts: d.attempts })
        .update({ state: 'sending', leaseUntil })
      return r.updated === 1
    },
    /** Records the answer of the call that holds this lease (a stale lease's notice is `unknown` already). */
    async settle(d: OutboxDoc, leaseUntil: number, outcome: OutboxOutcome): Promise<boolean> {
      const r = await db
        .collection(COLLECTIONS.outbox)
        .where({ _id: d._id, state: 'sending', leaseUntil })
        .update({ ...outcome, leaseUntil: null })
      return r.updated === 1
    },
    /** Removes her notices of these kinds (a deletion request); returns how many. */
    async erase(openid: string, kinds: readonly string[]): Promise<number> {
      return (
        (
          await db
            .collection(COLLECTIONS.outbox)
            .where({ openid, kind: _.in([...kinds]) })
            .remove()
        ).deleted ?? 0
      )
    },
    async outbox(openid: string | null): Promise<OutboxDoc[]> {
      return readAll<OutboxDoc>(db.collection(COLLECTIONS.outbox).where(openid ? { openid } : {}))
    },
  }
}
