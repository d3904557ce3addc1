import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connectDb, type Db } from '../../cloudfunctions/common/db'
import { resetEnvCache } from '../../cloudfunctions/common/env'
import { type EmulatorProcess, spawnEmulator } from '../../tools/emulator/spawn'
import type { Envelope } from '~types/envelope'
import { skipMetadataProbe } from './emulator'

/**
 * What the crash tests (test/integration/*-crash.test.ts) share. They prove recovery from REAL
 * kills, not from crashed states written by hand: a hand-written state holds only the steps its
 * author thought of, while a SIGKILL in the middle of a burst of real calls cuts requests off
 * between whatever steps they happened to be at. So the emulator runs in its own process
 * (tools/emulator/spawn.ts), the functions' database is observed (never replaced: every call still
 * goes to the real SDK and emulator) to SIGKILL the emulator right after a chosen write, and it is
 * restarted on the same data directory, which is all the retries and checks then see.
 *
 * `crashableEmulator()` is called once at the top of a test file. It registers the hooks too: the
 * console is muted for the cut-off calls' connection errors and the SDK's warnings, each test gets
 * its own data directory (removed, and the emulator killed, after it), and the file waits at the
 * end for the SDK's slow-request timers of the calls the kill cut off.
 */

/** A write the functions made through the observed database: `update` is a query's (`where(…).update`). */
export interface Write {
  collection: string
  op: 'add' | 'set' | 'update'
  /** What the write resolved to, e.g. `{ updated: 1 }`. */
  result: unknown
}

/** The kill comes right after the `after`-th `op` on `collection` resolves (counting only those `counts` accepts). */
export interface KillPoint {
  collection: string
  op: Write['op']
  after: number
  counts?: (result: unknown) => boolean
}

export interface CrashableEmulator {
  /** The running emulator's database, as the test seeds and reads it (a new connection after each restart). */
  readonly db: Db
  /** The functions' database (their `db` dependency): the same, observed for the kill point. */
  observed(): Db
  /** Starts the emulator on the test's data directory (again after a kill: the same data). */
  start(): Promise<void>
  /**
   * Runs the burst, SIGKILLs the emulator right after its kill point, and once the burst has
   * answered, checks that the kill did cut it (some calls died: INTERNAL) and restarts the emulator
   * on the same data. Returns the burst's first answers.
   */
  killedDuring<T>(burst: () => Promise<Envelope<T>[]>, at: KillPoint): Promise<Envelope<T>[]>
}

/** Requests cut off by the kill fail with connection errors; anything else is shown. */
const CUT_OFF = /ECONNREFUSED|ECONNRESET|socket hang up|fetch failed|network|timeout/i

export function crashableEmulator(name: string): CrashableEmulator {
  let dataDir: string
  let emu: EmulatorProcess | null = null
  let db: Db | null = null
  let seen: { real: Db; proxy: Db } | null = null
  let trip: { at: KillPoint; left: number; fire(): void } | null = null

  const tick = (w: Write) => {
    const t = trip
    if (!t || t.at.collection !== w.collection || t.at.op !== w.op) return
    if (t.at.counts && !t.at.counts(w.result)) return
    if (--t.left === 0) t.fire()
  }

  const observe = (real: Db): Db =>
    new Proxy(real, {
      get(target, prop, receiver) {
        if (prop !== 'collection') return Reflect.get(target, prop, receiver)
        return (collection: string) => {
          const c = target.collection(collection)
          const add = c.add.bind(c)
          const doc = c.doc.bind(c)
          const where = c.where.bind(c)
          // The write starts inside `noted` (async), so one that throws at once still rejects, as the SDK's writes do.
          const noted = async <R>(op: Write['op'], write: () => Promise<R>): Promise<R> => {
            const result = await write()
            tick({ collection, op, result })
            return result
          }
          return Object.assign(c, {
            add: (d: never) => noted('add', () => add(d)),
            doc: (id: string) => {
              const ref = doc(id)
              const set = ref.set.bind(ref)
              return Object.assign(ref, { set: (d: never) => noted('set', () => set(d)) })
            },
            where: (query: never) => {
              const q = where(query)
              const update = q.update.bind(q)
              return Object.assign(q, { update: (patch: never) => noted('update', () => update(patch)) })
            },
          })
        }
      },
    })

  beforeAll(() => {
    skipMetadataProbe()
    const quiet =
      (orig: (...a: unknown[]) => void, noise: RegExp) =>
      (...a: unknown[]) =>
        void (noise.test(String(a[0])) || orig(...a))
    jest.spyOn(console, 'warn').mockImplementation(quiet(console.warn.bind(console), /\[TCB\]\[WARN\]/))
    const error = console.error.bind(console)
    jest
      .spyOn(console, 'error')
      .mockImplementation(
        (...a: unknown[]) => void (a.some((x) => CUT_OFF.test(String(x)) || CUT_OFF.test(String((x as Error)?.cause))) || error(...a)),
      )
    process.env.QR_KEYS ??= `t1:${randomBytes(32).toString('base64url')}`
    resetEnvCache()
  })
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), `${name}-`))
  })
  afterEach(async () => {
    await emu?.kill('SIGKILL')
    emu = null
    rmSync(dataDir, { recursive: true, force: true })
  })
  // The SDK never clears the 3 s slow-request timer of a call the kill cut off: let those fire while
  // warnings are still muted, not after the file is done (jest then fails the run with "Cannot log
  // after tests are done").
  afterAll(() => new Promise((resolve) => setTimeout(resolve, 3_500)))

  async function start(): Promise<void> {
    emu = await spawnEmulator({ dataDir })
    db = connectDb(emu.url)
  }

  const current = (): Db => {
    if (!db) throw new Error('crashableEmulator: start() the emulator first')
    return db
  }

  return {
    get db() {
      return current()
    },
    observed() {
      const real = current()
      if (seen?.real !== real) seen = { real, proxy: observe(real) }
      return seen.proxy
    },
    start,
    async killedDuring<T>(burst: () => Promise<Envelope<T>[]>, at: KillPoint): Promise<Envelope<T>[]> {
      let killing: Promise<unknown> | null = null
      trip = { at, left: at.after, fire: () => void (killing ??= emu!.kill('SIGKILL')) }
      let first: Envelope<T>[]
      try {
        first = await burst()
      } finally {
        trip = null
      }
      await killing
      const codes: Record<string, number> = {}
      for (const r of first) codes[r.ok ? 'OK' : r.code] = (codes[r.ok ? 'OK' : r.code] ?? 0) + 1
      expect([killing !== null, codes]).toEqual([true, codes]) // the kill did happen mid-burst
      expect(first.filter((r) => !r.ok && r.code === 'INTERNAL').length).toBeGreaterThan(0) // some calls died
      await start()
      return first
    },
  }
}
