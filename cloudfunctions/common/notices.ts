/**
 * WeChat one-time subscription notices, for every service. A notice is written to the outbox as `queued` and
 * nothing more: no hot path ever waits for WeChat. Each function's timer delivers the queue (notices.delivery.ts)
 * through the WeChat port and records WeChat's answer. Each kind has its template in ONE catalogue
 * (types/notice-templates.ts) and its values are made to fit there (notices.data.ts). Links come only from the
 * route table (`noticePage`). Callers pass only what is safe on a lock screen: a result notice says "ready", never what.
 * Her opt-in credits (notice_optins) are her view of what she accepted; WeChat decides (43101 when none is left).
 */
import { randomBytes } from 'node:crypto'
import { NOTICE_TEMPLATES, type NoticeTemplate } from '~types/notice-templates'
import type { OutboxEntryDTO } from '~types/notices'
import type { PagePath } from '~types/routes'
import type { Clock } from './clock'
import type { Db } from './db'
import { templateData, type NoticeField } from './notices.data'
import { createDelivery, type DeliveryResult } from './notices.delivery'
import { createNoticesRepository, type OutboxDoc } from './notices.repository'
import type { SweepTask } from './sweeper'
import type { WechatPort } from './wechat'

export interface NoticeCatalogue<K extends string, T extends string> {
  fn: NoticeTemplate['fn']
  /** Every topic a member can opt into for this service. */
  topics: readonly T[]
  /** Each kind of notice: its template and the topic (template id) whose opt-in it spends. */
  kinds: Record<K, { title: string; topic: T; template: NoticeTemplate }>
}

/** A function's catalogue, derived from the one template catalogue: a kind without a template throws at start. */
export function noticeCatalogue<K extends string, T extends string>(fn: NoticeTemplate['fn'], kinds: readonly K[]): NoticeCatalogue<K, T> {
  const ofFn: readonly NoticeTemplate[] = NOTICE_TEMPLATES.filter((t) => t.fn === fn)
  const entry = (k: K) => {
    const template = ofFn.find((t) => t.kinds.includes(k)) ?? fail(`notice ${fn}.${k}: no template in types/notice-templates.ts`)
    return [k, { title: template.title, topic: template.topic as T, template }] as const
  }
  return { fn, topics: ofFn.map((t) => t.topic as T), kinds: Object.fromEntries(kinds.map(entry)) as NoticeCatalogue<K, T>['kinds'] }
}

function fail(message: string): never {
  throw new Error(message)
}

export interface OutgoingNotice<K extends string> {
  openid: string
  /** Masked recipient name (李*), for the officers' outbox view. */
  toName: string
  kind: K
  page: PagePath
  /** Keyword values by the template's labels; instants as UTC ms (notices.data.ts formats them). */
  fields: NoticeField[]
}

export type OutboxEntry<K extends string> = OutboxEntryDTO<K>

export interface Notices<K extends string, T extends string> {
  /** After wx.requestSubscribeMessage: one more credit per accepted topic, once per request id. */
  subscribe(openid: string, topics: readonly T[], requestId?: string | null): Promise<Record<T, number>>
  /** Queues one notice (no call to WeChat). */
  send(n: OutgoingNotice<K>): Promise<OutboxDoc>
  /** Queues what the sources say is owed (hers, or everyone's); answers how many. */
  settle(openid: string | null): Promise<number>
  /** The timer's work: asks WeChat for this function's due notices (bounded per tick). */
  deliver(): Promise<DeliveryResult>
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

/** A timer task delivering a function's queue (for sweeps built on common/sweeper.ts). */
export function deliveryTask(notices: Pick<Notices<string, string>, 'deliver'>): SweepTask {
  return { name: 'notices', run: async () => (await notices.deliver()).delivered }
}

function entryOf<K extends string>(d: OutboxDoc & { kind: K }): OutboxEntry<K> {
  const state = d.state ?? ((d as { delivered?: boolean }).delivered ? 'delivered' : 'refused') // written before the queue
  return {
    id: d._id,
    kind: d.kind,
    title: d.title,
    to: d.toName,
    page: d.page,
    fields: d.fields,
    createdAt: d.createdAt,
    state,
    attempts: d.attempts ?? 0,
    ...(d.errcode != null && { errcode: d.errcode }),
    ...(d.deliveredAt != null && { deliveredAt: d.deliveredAt }),
    delivered: state === 'delivered',
    skippedReason: d.reason ?? (d as { skippedReason?: string | null }).skippedReason ?? null,
  }
}

export function createNotices<K extends string, T extends string>(
  deps: { db: Db; clock: Clock; wechat: WechatPort },
  catalogue: NoticeCatalogue<K, T>,
  sources: readonly DueNotices<K>[] = [],
): Notices<K, T> {
  const repo = createNoticesRepository(deps.db)
  const ours = (kind: string): kind is K => Object.hasOwn(catalogue.kinds, kind)
  async function send(n: OutgoingNotice<K>): Promise<OutboxDoc> {
    const { title, topic, template } = catalogue.kinds[n.kind]
    const { data, fields } = templateData(template, n.fields)
    const now = deps.clock()
    const doc: OutboxDoc = {
      _id: `n-${now}-${randomBytes(4).toString('hex')}`,
      fn: catalogue.fn,
      openid: n.openid,
      toName: n.toName,
      kind: n.kind,
      topic,
      title,
      page: n.page,
      fields,
      data,
      createdAt: now,
      state: 'queued',
      attempts: 0,
      dueAt: now,
      leaseUntil: null,
      errcode: null,
      reason: null,
      msgid: null,
      deliveredAt: null,
    }
    await repo.append(doc)
    return doc
  }
  /**
   * A notice a hot path owes costs that path nothing: it marks its own document (a booking's `noticeDue`) in a
   * write it makes anyway, and the notice is queued here, by the timer's next tick or when she (or an officer)
   * reads the outbox. Each is taken (ONE conditional update) before it is queued: never queued twice.
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
    deliver: createDelivery({ repo, clock: deps.clock, wechat: deps.wechat, fn: catalogue.fn }),
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
        .map(entryOf)
    },
  }
}
