/**
 * WeChat one-time subscription notices, for every service. Each opt-in allows
 * exactly one send, so credits are counted per topic; every notice is written
 * to the outbox (what WeChat would have been asked to send) with whether it had
 * a credit. Links come only from the route table (`noticePage`), so a notice
 * cannot open a page with a parameter the page does not read. Callers pass only
 * fields safe to show on a lock screen: a result notice says "ready", never what.
 */
import { randomBytes } from 'node:crypto'
import type { OutboxEntryDTO } from '~types/notices'
import type { PagePath } from '~types/routes'
import type { Clock } from './clock'
import type { Db } from './db'
import { createNoticesRepository, type OutboxDoc } from './notices.repository'

const NO_CREDIT = '用户未订阅该类通知（无可用订阅次数）'

export interface NoticeCatalogue<K extends string, T extends string> {
  /** Every topic a member can opt into for this service. */
  topics: readonly T[]
  /** Each kind of notice: its template title and the topic whose credit it spends. */
  kinds: Record<K, { title: string; topic: T }>
}

export interface OutgoingNotice<K extends string> {
  openid: string
  /** Masked recipient name (李*), for the officers' outbox view. */
  toName: string
  kind: K
  page: PagePath
  fields: { label: string; value: string }[]
}

export type OutboxEntry<K extends string> = OutboxEntryDTO<K>

export interface Notices<K extends string, T extends string> {
  /** After wx.requestSubscribeMessage: one more credit per accepted topic, once per request id. */
  subscribe(openid: string, topics: readonly T[], requestId?: string | null): Promise<Record<T, number>>
  send(n: OutgoingNotice<K>): Promise<OutboxDoc>
  /** Sends what the sources say is due (hers, or everyone's); answers how many it sent. */
  settle(openid: string | null): Promise<number>
  /** Her notices of this service (or everyone's, for officers), newest first. */
  list(openid: string | null): Promise<OutboxEntry<K>[]>
  /** Her credits per topic of this service, null before her first opt-in (her data export). */
  credits(openid: string): Promise<Record<T, number> | null>
  /** Erases her notices of this service (her deletion request); returns how many. */
  erase(openid: string): Promise<number>
}

/** Notices owed by documents of a service (notices.ts `settle`). */
export interface DueNotices<K extends string> {
  /** What is owed (to her, or to anyone), each with the key `take` claims it by. */
  due(openid: string | null): Promise<{ key: string; notice: OutgoingNotice<K> }[]>
  /** Clears the mark with ONE conditional update; false: someone else took it. */
  take(key: string): Promise<boolean>
}

export function createNotices<K extends string, T extends string>(
  deps: { db: Db; clock: Clock },
  catalogue: NoticeCatalogue<K, T>,
  sources: readonly DueNotices<K>[] = [],
): Notices<K, T> {
  const repo = createNoticesRepository(deps.db)
  const ours = (kind: string): kind is K => Object.hasOwn(catalogue.kinds, kind)
  async function send(n: OutgoingNotice<K>): Promise<OutboxDoc> {
    const { title, topic } = catalogue.kinds[n.kind]
    const delivered = await repo.spend(n.openid, topic)
    const now = deps.clock()
    const doc: OutboxDoc = {
      _id: `n-${now}-${randomBytes(4).toString('hex')}`,
      openid: n.openid,
      toName: n.toName,
      kind: n.kind,
      title,
      page: n.page,
      fields: n.fields,
      createdAt: now,
      delivered,
      skippedReason: delivered ? null : NO_CREDIT,
    }
    await repo.append(doc)
    return doc
  }
  /**
   * A notice a hot path owes costs that path nothing: it marks its own document
   * (a booking's `noticeDue`) in a write it makes anyway, and the notice is sent
   * here, by the sweeper's next tick or as soon as she (or an officer) reads the
   * outbox or her credits. Each is taken (ONE conditional update) before it is
   * sent: two settlers never spend one opt-in twice; a crash in between loses that notice, never doubles it.
   */
  async function settle(openid: string | null): Promise<number> {
    let n = 0
    for (const source of sources) {
      for (const due of await source.due(openid)) {
        if (!(await source.take(due.key))) continue
        await send(due.notice)
        n++
      }
    }
    return n
  }
  const filled = (credits: Record<string, number> | null) =>
    Object.fromEntries(catalogue.topics.map((t) => [t, credits?.[t] ?? 0])) as Record<T, number>
  return {
    async subscribe(openid, topics, requestId = null) {
      if ((await repo.credits(openid)) === null) await repo.ensure(openid, catalogue.topics)
      if (topics.length) await repo.grant(openid, topics, requestId)
      return filled(await repo.credits(openid))
    },
    send,
    settle,
    async credits(openid) {
      await settle(openid)
      const credits = await repo.credits(openid)
      return credits === null ? null : filled(credits)
    },
    erase: (openid) => repo.erase(openid, Object.keys(catalogue.kinds)),
    async list(openid) {
      await settle(openid)
      return (await repo.outbox(openid))
        .filter((d): d is OutboxDoc & { kind: K } => ours(d.kind))
        .sort((a, b) => b.createdAt - a.createdAt)
        .map(({ _id, openid: _o, toName, ...rest }) => ({ id: _id, to: toName, ...rest }))
    },
  }
}
