/**
 * A warm CloudBase instance serves many calls; reads that rarely change (a
 * programme, an event, a session's dates) are kept in the instance for a few
 * seconds so the hot path (check-in, stamp, booking rush) spends its database
 * round trips on what decides, not on re-reading the catalogue. Never cache
 * anything that decides a bounded resource (`left`, holders, ledgers).
 *
 * Entries are kept per database handle (tests start a fresh emulator per
 * suite) and the process's own writes drop them (`forget`), so an officer's
 * edit is seen at once by the same instance and within TTL by others.
 */
import type { Clock } from './clock'
import type { Db } from './db'
import { env, type ServerEnv } from './env'

const TTL_MS = Number(process.env.INSTANCE_CACHE_MS ?? 3000)

interface Entry {
  at: number
  value: Promise<unknown>
}

const perDb = new WeakMap<object, Map<string, Entry>>()

function mapOf(db: object): Map<string, Entry> {
  let m = perDb.get(db)
  if (!m) perDb.set(db, (m = new Map()))
  return m
}

/** The cached value of `key`, loading it when absent or older than the TTL. A failed or empty load is not kept. */
export function cached<T>(db: object, key: string, load: () => Promise<T>, ttlMs = TTL_MS): Promise<T> {
  const m = mapOf(db)
  const hit = m.get(key)
  const now = Date.now()
  if (hit && now - hit.at < ttlMs) return hit.value as Promise<T>
  if (m.size > 5000) m.clear() // bounded: a long-lived instance must not grow without end
  const value = load()
  m.set(key, { at: now, value })
  // Neither a failure nor "not there" is kept: an id unknown now may be created the next moment.
  const drop = () => m.get(key)?.value === value && m.delete(key)
  value.then((v) => (v === null || v === undefined) && drop(), drop)
  return value
}

/** Keeps a value just read afresh (a live read of what is also cached), so the next cached read needs no call. */
export function prime<T>(db: object, key: string, value: T): void {
  if (value !== null && value !== undefined) mapOf(db).set(key, { at: Date.now(), value: Promise.resolve(value) })
}

/** Drops `key` (or every key starting with `prefix*`) after this instance changed it. */
export function forget(db: object, key: string): void {
  const m = mapOf(db)
  if (!key.endsWith('*')) return void m.delete(key)
  const prefix = key.slice(0, -1)
  for (const k of m.keys()) if (k.startsWith(prefix)) m.delete(k)
}

/** Drops everything cached for this database (tests that rewrite the catalogue behind the functions' back). */
export function forgetAll(db: object): void {
  perDb.delete(db)
}

/**
 * A function's services, built once per instance rather than once per call: the
 * `createXService(deps)` factories hold nothing of a call (callers pass openid and
 * request), so one set per database handle, clock and environment serves them all.
 * A new handle (a test's fresh emulator) or a re-read environment (its keys) builds anew.
 */
export function perInstance<T>(build: (db: Db, clock: Clock) => T): (db: Db, clock: Clock) => T {
  const built = new WeakMap<object, WeakMap<Clock, { env: ServerEnv; value: T }>>()
  return (db, clock) => {
    let byClock = built.get(db)
    if (!byClock) built.set(db, (byClock = new WeakMap()))
    const hit = byClock.get(clock)
    const e = env()
    if (hit && hit.env === e) return hit.value
    const value = build(db, clock)
    byClock.set(clock, { env: e, value })
    return value
  }
}

/**
 * What this instance last saw of a bounded resource (a session's places, a voucher pool): `full`
 * lets a rush's refusal skip the read that would only say so again; `open` lets a taker skip the
 * glance that could only refuse (the conditional take decides either way). Noted from what a read
 * or a successful take showed (never from a refused take, which proves nothing: it forgets), kept
 * FULL_MEMORY_MS (a few seconds); a place given back through this instance (place-store.ts
 * `release`, `adjustOnce` upward) turns it `open` at once. A place given back through ANOTHER
 * instance is offered here at the latest when the memory lapses: the exact rule is in docs/capacity.md.
 * It never grants (the take always decides); what it refuses was seen full at most FULL_MEMORY_MS ago.
 */
export const FULL_MEMORY_MS = Number(process.env.FULL_MEMORY_MS ?? 3000)

const fullPerDb = new WeakMap<object, Map<string, { at: number; full: boolean }>>()

export type Fullness = 'full' | 'open' | undefined

/** What this instance saw of `key` within FULL_MEMORY_MS; undefined: nothing recent, read it. */
export function fullness(db: object, key: string): Fullness {
  const hit = fullPerDb.get(db)?.get(key)
  if (!hit || Date.now() - hit.at >= FULL_MEMORY_MS) return undefined
  return hit.full ? 'full' : 'open'
}

/** Notes what a read or a take just showed of `key`. */
export function noteFullness(db: object, key: string, full: boolean): void {
  let m = fullPerDb.get(db)
  if (!m) fullPerDb.set(db, (m = new Map()))
  if (m.size > 5000) m.clear()
  m.set(key, { at: Date.now(), full })
}

/** Forgets what this instance saw of `key` (a refused take proves nothing either way: the next tap reads). */
export function forgetFullness(db: object, key: string): void {
  fullPerDb.get(db)?.delete(key)
}

/** The memory key of one place-store document. */
export const placeKey = (collection: string, docId: string): string => `${collection}/${docId}`
