/**
 * The claim ledger pairs every bounded resource with one document per person
 * per resource, `_id` deterministic (`${resourceId}:${openid}`), so a second
 * claim cannot exist: a duplicate insert fails. The order of steps is what
 * makes a crash harmless (DESIGN.md "Bounded resources"):
 *
 *   pending (the ledger names the holds it will take) → take each hold
 *   (one conditional update each, keyed by the claim) → confirm.
 *
 * A crash leaves a `pending` claim whose holds are named in it. Nobody has to
 * wait for the sweeper: the person's next attempt resolves her OWN pending
 * claim at once, finishing it (taking its holds is idempotent per key, so
 * finishing a claim that is in fact still running is harmless: both converge)
 * or giving it back, and goes on. A live attempt of hers is given
 * `IN_FLIGHT_MS` to finish first, so ten taps at once still give one claim.
 * The sweeper (sweeper.ts) gives back claims nobody came back for.
 */
import type { ErrorCode } from '~types/errors'
import type { Clock } from './clock'
import type { Db } from './db'
import { insertOnce } from './db-errors'
import { AppError, fail } from './errors'
import type { Holder, PlaceStore, TakeOptions } from './place-store'

/** A pending claim older than this belongs to a call that died: functions time out well before it. */
export const STALE_CLAIM_MS = 60_000
/**
 * No call outlives its function's timeout (10 s for the services in cloudbaserc.json; CloudBase
 * stops it there): a step whose call started longer ago than this belongs to a dead call, and the
 * person now at the till may take it over (under a lease, so only one does) instead of waiting
 * for the sweeper's STALE_CLAIM_MS.
 */
export const CALL_LIMIT_MS = 15_000
/** How long a new attempt waits for the same person's other attempt still in flight. */
export const IN_FLIGHT_MS = 2_000

export interface ClaimDoc {
  _id: string
  /** This attempt's id: keys its holds; changes when a finished claim is reused. */
  claimId: string
  pendingAt: number
  /** The client's request id: a retry of the same request gets this claim back. */
  requestId?: string | null
}

/** One thing a claim takes: `key` of `docId` in `store`. */
export interface Hold {
  store: PlaceStore
  docId: string
  key: string
  holder: Holder
  take?: TakeOptions
  /** Answered when it cannot be taken. */
  refusal: ErrorCode
  /** Unlisted once confirmed (stock consumed for good); otherwise held while the claim lives (a booking's place). */
  settle?: boolean
}

export interface LedgerConfig<D extends ClaimDoc> {
  collection: string
  /** The state field, its pending value, and the value of a given-back claim (null: the claim is removed). */
  stateField: string
  pending: string
  failed: string | null
  /** States after which a new claim may reuse the document (cancelled, failed …). */
  reusable: readonly string[]
  /** The holds a claim takes, derived from the document alone (so anyone can finish or give it back). */
  holdsOf(doc: D): Hold[]
  clock: Clock
}

export type ClaimResult<D> = { outcome: 'confirmed'; doc: D; resumed: boolean } | { outcome: 'exists'; doc: D }

export interface ClaimOptions<D> {
  /** Her own pending claim from an earlier attempt: finish it (default) or give it back and claim anew. */
  resume?(existing: D): 'finish' | 'give-back'
  /** This attempt takes a hold its own way (e.g. moves a held offer to her); null: the store's take. May throw a refusal. */
  acquire?(h: Hold): Promise<boolean> | null
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const isPlain = (v: unknown) => typeof v === 'object' && v !== null

export function createClaimLedger<D extends ClaimDoc>(db: Db, cfg: LedgerConfig<D>) {
  const _ = db.command
  const coll = () => db.collection(cfg.collection)
  const stateOf = (d: D) => (d as unknown as Record<string, unknown>)[cfg.stateField]
  const pendingWhere = (d: D) => ({ _id: d._id, [cfg.stateField]: cfg.pending, claimId: d.claimId })

  async function get(id: string): Promise<D | null> {
    return ((await coll().doc(id).get()).data as D[])[0] ?? null
  }

  /** Writes the pending claim: a fresh document, or a reusable one replaced conditionally. null: another claim stands. */
  async function begin(doc: D): Promise<D | null> {
    if (await insertOnce(coll(), { ...doc })) return null
    const old = await get(doc._id)
    if (!old || !cfg.reusable.includes(String(stateOf(old)))) return old
    const { _id, ...fresh } = doc as Record<string, unknown>
    const patch = Object.fromEntries(Object.entries(fresh).map(([k, v]) => [k, isPlain(v) ? _.set(v) : v]))
    const r = await coll()
      .where({ _id, [cfg.stateField]: stateOf(old), claimId: old.claimId })
      .update(patch)
    return r.updated === 1 ? null : ((await get(doc._id)) ?? old)
  }

  /**
   * Gives a pending claim back: declared failed first (so its own call, if alive, fails to
   * confirm), then its holds released. Does nothing if that very claim got confirmed meanwhile.
   */
  async function abandon(d: D): Promise<boolean> {
    const done =
      cfg.failed === null
        ? (await coll().where(pendingWhere(d)).remove()).deleted === 1
        : (
            await coll()
              .where(pendingWhere(d))
              .update({ [cfg.stateField]: cfg.failed })
          ).updated === 1
    if (!done) {
      const now = await get(d._id)
      if (now && now.claimId === d.claimId && stateOf(now) !== cfg.failed && stateOf(now) !== cfg.pending) return false
    }
    for (const h of cfg.holdsOf(d))
      await h.store.release(h.docId, h.key, { amount: h.take?.amount, counters: h.take?.counters, bounded: h.take?.bounded })
    return true
  }

  /** Takes the claim's holds and confirms it; on a refusal gives back what was taken and throws it. */
  async function finish(d: D, patch: Record<string, unknown>, resumed: boolean, acquire?: ClaimOptions<D>['acquire']): Promise<D> {
    try {
      for (const h of cfg.holdsOf(d)) {
        if (await ((!resumed && acquire?.(h)) || h.store.take(h.docId, h.key, h.holder, h.take))) continue
        // Holds are keyed by this claim's id: if the key holds, this claim took it (a dead call of hers,
        // or her other tap that resumed this very claim under load), never someone else.
        if (await h.store.holding(h.docId, h.key)) continue
        fail(h.refusal)
      }
      if ((await coll().where(pendingWhere(d)).update(patch)).updated !== 1) {
        const now = await get(d._id)
        // Her other attempt finished this same claim first: that is her outcome too.
        if (!now || now.claimId !== d.claimId || stateOf(now) === cfg.pending || stateOf(now) === cfg.failed) fail('CONFLICT')
        return now
      }
    } catch (e) {
      // if even giving back fails, the sweeper does it
      if (e instanceof AppError && !(await abandon(d).catch(() => true))) {
        // Not given back: her other tap finished this very claim meanwhile (its hold taken, then settled), so
        // this one's take found nothing to hold. That confirmation is her outcome too, never a refusal.
        const now = await get(d._id)
        if (now && now.claimId === d.claimId && stateOf(now) !== cfg.pending && stateOf(now) !== cfg.failed) return now
      }
      throw e
    }
    for (const h of cfg.holdsOf(d)) if (h.settle) await h.store.settle(h.docId, h.key)
    return { ...d, ...patch } as D
  }

  /**
   * pending → take → confirm. `confirm` gives the patch that confirms a claim (it sets the state).
   * 'exists': a claim of hers already stands (confirmed, or still in flight after IN_FLIGHT_MS).
   */
  async function claim(doc: D, confirm: (d: D) => Record<string, unknown>, opts: ClaimOptions<D> = {}): Promise<ClaimResult<D>> {
    const waitUntil = Date.now() + IN_FLIGHT_MS
    for (let round = 0; round < 50; round++) {
      let other = await begin(doc)
      if (!other) return { outcome: 'confirmed', doc: await finish(doc, confirm(doc), false, opts.acquire), resumed: false }
      const sameRequest = !!doc.requestId && other.requestId === doc.requestId
      // Her other attempt in flight: watch it (one read a round) until it ends or is old enough to be dead.
      while (
        other &&
        stateOf(other) === cfg.pending &&
        !sameRequest &&
        cfg.clock() - other.pendingAt < IN_FLIGHT_MS &&
        Date.now() < waitUntil
      ) {
        await sleep(40 + Math.random() * 80)
        other = await get(doc._id)
      }
      if (!other || cfg.reusable.includes(String(stateOf(other)))) continue // given back meanwhile: claim anew
      if (stateOf(other) !== cfg.pending) return { outcome: 'exists', doc: other }
      if ((opts.resume?.(other) ?? 'finish') === 'finish') {
        return { outcome: 'confirmed', doc: await finish(other, confirm(other), true), resumed: true }
      }
      await abandon(other)
    }
    fail('CONFLICT')
  }

  /** Gives back every pending claim matching `where` older than the stale rule; answers how many. */
  async function sweepStale(where: Record<string, unknown>, now: number, limit = 1000): Promise<number> {
    const stale = (
      await coll()
        .where({ ...where, [cfg.stateField]: cfg.pending, pendingAt: _.lt(now - STALE_CLAIM_MS) })
        .limit(limit)
        .get()
    ).data as D[]
    let n = 0
    for (const d of stale) if (await abandon(d)) n++
    return n
  }

  return { get, claim, abandon, sweepStale, collection: cfg.collection }
}

export type ClaimLedger<D extends ClaimDoc> = ReturnType<typeof createClaimLedger<D>>

/** The deterministic ledger id: one claim per person per resource. */
export const claimKey = (resourceId: string, openid: string): string => `${resourceId}:${openid}`
