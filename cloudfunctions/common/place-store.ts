/**
 * Every bounded resource (screening places and branch quotas, gift stock,
 * sign-up seats, voucher stock and money budgets) is one document with a
 * `left` count and a map of keyed holders: `holders.<key> = {...holder, n}`.
 * Every change is ONE conditional update of that document, so concurrent
 * requests can never take more than exists (DESIGN.md "Bounded resources"),
 * and `left + Σ holders.n` stays what was there (minus what was settled).
 *
 * Taking is idempotent per key (a key already holding takes nothing), so a
 * claim whose call died can be finished by taking the same keys again; every
 * release or transfer only acts if that key still holds, so doing it twice
 * gives nothing back twice. Amounts let a budget in fen be reserved (`n`).
 */
import type { Db } from './db'
import { noteFullness, placeKey } from './instance-cache'

/** A holder's own fields (who holds); the store adds `n` (amount), `cn` (counters) and `ub` (unbounded). */
export type Holder = Record<string, unknown>

export interface StoredHolder extends Holder {
  n: number
  cn?: Record<string, number>
  ub?: true
}

export interface TakeOptions {
  /** How much of `left` to take (a unit by default; fen for a budget). */
  amount?: number
  /** Other counters beside `left` that change with the take, e.g. `{ signedUp: 1 }`; release reverses them. */
  counters?: Record<string, number>
  /** false: no limit (an event without capacity); `left` is not touched, the holder is still listed. */
  bounded?: boolean
  /** Other fields that must be at least this for the take to happen (e.g. a budget in fen taken through `counters` beside the count). */
  atLeast?: Record<string, number>
}

export interface ReleaseOptions {
  /** What the holder took (default 1); the release only happens if that is what it holds. */
  amount?: number
  counters?: Record<string, number>
  bounded?: boolean
}

export interface PlaceStore {
  /** Takes `amount` for `key`; false when not enough is left or `key` already holds. */
  take(docId: string, key: string, holder: Holder, opts?: TakeOptions): Promise<boolean>
  /** Gives `key`'s hold back; false when it no longer held. */
  release(docId: string, key: string, opts?: ReleaseOptions): Promise<boolean>
  /** The claim is final: the holder is unlisted and what it took stays taken. */
  settle(docId: string, key: string): Promise<boolean>
  /** Unlists several final holders in one update (a rush's confirmations); a key already gone changes nothing. */
  settleAll(docId: string, keys: string[]): Promise<void>
  /** Hands `from`'s hold to `to` without it ever becoming free. */
  transfer(docId: string, from: string, to: string, holder: Holder, amount?: number): Promise<boolean>
  /** What `key` holds now, or null: one read, for resolving a claim whose call died. */
  holding(docId: string, key: string): Promise<StoredHolder | null>
  /** Every holder of the document (for the sweeper). */
  holders(docId: string): Promise<Record<string, StoredHolder>>
  /**
   * Moves `left` by `delta` once per `key` (a settled hold's later return, or a re-take), noting
   * `returns.<key> = delta` so a retry changes nothing; refused when `key` is noted or a negative
   * delta does not fit. The note is in-flight only: `forgetAdjust` drops it once the caller has
   * recorded the step on its own document, so the map stays small.
   */
  adjustOnce(docId: string, key: string, delta: number, counters?: Record<string, number>): Promise<boolean>
  forgetAdjust(docId: string, key: string): Promise<boolean>
  /** The in-flight adjustments of the document (for the sweeper). */
  adjustments(docId: string): Promise<Record<string, number>>
}

export interface PlaceStoreOptions {
  /** Name of the count field (`left` unless the document says otherwise, e.g. an event's `seatsLeft`). */
  left?: string
}

function incs(db: Db, counters: Record<string, number> | undefined, sign: 1 | -1): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(counters ?? {})) out[k] = db.command.inc(sign * v)
  return out
}

/** A store that can also answer the document as its take left it, in the take's own call. */
export interface CountingPlaceStore extends PlaceStore {
  /** `take`, answering the document after it (null: refused): a reply shows places left without reading them. */
  takeAndRead(docId: string, key: string, holder: Holder, opts?: TakeOptions): Promise<Record<string, unknown> | null>
}

export function createPlaceStore(db: Db, collection: string, options: PlaceStoreOptions = {}): CountingPlaceStore {
  const _ = db.command
  const left = options.left ?? 'left'
  const coll = () => db.collection(collection)
  const path = (key: string) => `holders.${key}`

  /** A place came back through this instance: its memory of the document being full goes (instance-cache.ts). */
  function returned(docId: string, done: boolean): boolean {
    if (done) noteFullness(db, placeKey(collection, docId), false)
    return done
  }

  async function read(docId: string): Promise<Record<string, StoredHolder>> {
    const res = await coll().doc(docId).field({ holders: true }).get()
    const raw = ((res.data as { holders?: Record<string, Holder> }[])[0]?.holders ?? {}) as Record<string, Holder>
    return Object.fromEntries(Object.entries(raw).map(([k, h]) => [k, { ...h, n: typeof h.n === 'number' ? h.n : 1 } as StoredHolder]))
  }

  function taking(docId: string, key: string, holder: Holder, opts: TakeOptions) {
    const n = opts.amount ?? 1
    const bounded = opts.bounded !== false
    const atLeast = Object.fromEntries(Object.entries(opts.atLeast ?? {}).map(([k, v]) => [k, _.gte(v)]))
    const where = { _id: docId, [path(key)]: _.exists(false), ...(bounded ? { [left]: _.gte(n) } : {}), ...atLeast }
    // What was taken is written into the holder, so a sweeper that reads it can give exactly that back.
    const stored = { ...holder, n, ...(opts.counters ? { cn: opts.counters } : {}), ...(bounded ? {} : { ub: true }) }
    const patch = { ...(bounded ? { [left]: _.inc(-n) } : {}), [path(key)]: _.set(stored), ...incs(db, opts.counters, 1) }
    return { where, patch }
  }

  return {
    async take(docId, key, holder, opts = {}) {
      const { where, patch } = taking(docId, key, holder, opts)
      return (await coll().where(where).update(patch)).updated === 1
    },
    async takeAndRead(docId, key, holder, opts = {}) {
      const { where, patch } = taking(docId, key, holder, opts)
      const r = await coll().where(where).updateAndReturn(patch)
      return r.updated === 1 ? ((r.doc as Record<string, unknown> | null) ?? null) : null
    },
    async release(docId, key, opts = {}) {
      const n = opts.amount ?? 1
      // Without an amount, whatever the key holds as a unit (also holders written before amounts existed).
      const where = { _id: docId, [path(key)]: _.exists(true), ...(opts.amount !== undefined ? { [`${path(key)}.n`]: n } : {}) }
      const patch = { ...(opts.bounded !== false ? { [left]: _.inc(n) } : {}), [path(key)]: _.remove(), ...incs(db, opts.counters, -1) }
      return returned(docId, (await coll().where(where).update(patch)).updated === 1)
    },
    async settle(docId, key) {
      return (
        (
          await coll()
            .where({ _id: docId, [path(key)]: _.exists(true) })
            .update({ [path(key)]: _.remove() })
        ).updated === 1
      )
    },
    async settleAll(docId, keys) {
      if (keys.length)
        await coll()
          .doc(docId)
          .update(Object.fromEntries(keys.map((k) => [path(k), _.remove()])))
    },
    async transfer(docId, from, to, holder, amount = 1) {
      const r = await coll()
        .where({ _id: docId, [path(from)]: _.exists(true), [path(to)]: _.exists(false) })
        .update({ [path(from)]: _.remove(), [path(to)]: _.set({ ...holder, n: amount }) })
      return r.updated === 1
    },
    async holding(docId, key) {
      return (await read(docId))[key] ?? null
    },
    holders: read,
    async adjustOnce(docId, key, delta, counters) {
      const where = { _id: docId, [`returns.${key}`]: _.exists(false), ...(delta < 0 ? { [left]: _.gte(-delta) } : {}) }
      const done =
        (
          await coll()
            .where(where)
            .update({ [left]: _.inc(delta), [`returns.${key}`]: delta, ...incs(db, counters, 1) })
        ).updated === 1
      return delta > 0 ? returned(docId, done) : done
    },
    async forgetAdjust(docId, key) {
      return (
        (
          await coll()
            .where({ _id: docId, [`returns.${key}`]: _.exists(true) })
            .update({ [`returns.${key}`]: _.remove() })
        ).updated === 1
      )
    },
    async adjustments(docId) {
      const res = await coll().doc(docId).field({ returns: true }).get()
      return (res.data as { returns?: Record<string, number> }[])[0]?.returns ?? {}
    },
  }
}
