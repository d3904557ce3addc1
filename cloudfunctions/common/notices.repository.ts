/** Opt-in credits and the outbox: the only code touching `notice_optins` and `outbox`. */
import { COLLECTIONS } from './collections'
import type { Db } from './db'
import { insertOnce } from './db-errors'
import { readAll } from './paginate'

export interface OutboxDoc {
  _id: string
  openid: string
  /** Masked recipient name, for officers' view. */
  toName: string
  kind: string
  title: string
  page: string
  fields: { label: string; value: string }[]
  createdAt: number
  delivered: boolean
  skippedReason: string | null
}

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
    /** One conditional update: two sends never share one opt-in. */
    async spend(openid: string, topic: string): Promise<boolean> {
      const r = await optins()
        .where({ _id: openid, [`credits.${topic}`]: _.gt(0) })
        .update({ [`credits.${topic}`]: _.inc(-1) })
      return r.updated === 1
    },
    async append(doc: OutboxDoc): Promise<void> {
      await db.collection(COLLECTIONS.outbox).add(doc)
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
