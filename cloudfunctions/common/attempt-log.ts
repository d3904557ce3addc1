/**
 * Every desk keeps one log of every attempt, accepted or refused, with its reason (as pretix logs failed
 * check-ins): a dashboard counts refusals from it, and a dispute at a till or a desk is settled with it.
 * Used by the fair's booth and gift scans, the voucher till, the screening desk and the mixer check-in;
 * each passes its own collection and the facts its entries carry.
 *
 * Writing the log never decides the outcome: a failed write is reported and the attempt's own answer
 * stands (the member at the desk is not refused because a log line could not be written).
 */
import type { Clock } from './clock'
import type { Db } from './db'
import { insertOnce } from './db-errors'
import { AppError } from './errors'

/** What every entry says beside the desk's own facts. */
export interface AttemptOutcome {
  at: number
  ok: boolean
  /** The refusal's error code (INTERNAL for a crash); on success, the action's own code or null. */
  code: string | null
}

/** The facts an attempt learns as it goes (who, which voucher); `logged`: its accepted entry is written already. */
export type AttemptNote<F> = Partial<F> & { logged?: boolean }

export interface AttemptLog<F extends object> {
  /** Runs one attempt; `note` is filled in as it learns what it is about; one entry is written either way. */
  record<T>(base: F, run: (note: AttemptNote<F>) => Promise<T>, codeOf?: (result: T) => string | null): Promise<T>
  /** Writes an accepted attempt's entry under a deterministic id; false when that id exists (used before). */
  recordOnce(id: string, base: F, note?: Partial<F>): Promise<boolean>
}

export function createAttemptLog<F extends object>(deps: { db: Db; clock: Clock }, collection: string, label: string): AttemptLog<F> {
  const col = () => deps.db.collection(collection)
  const entry = (base: F, note: AttemptNote<F>, ok: boolean, code: string | null) => {
    const { logged: _logged, ...facts } = note
    return { ...base, ...facts, at: deps.clock(), ok, code }
  }
  return {
    async record(base, run, codeOf) {
      const note: AttemptNote<F> = {}
      const write = (ok: boolean, code: string | null) =>
        col()
          .add(entry(base, note, ok, code))
          .catch((e: unknown) => console.error(`[${label}] attempt log failed`, e))
      try {
        const result = await run(note)
        if (!note.logged) await write(true, codeOf ? codeOf(result) : null)
        return result
      } catch (e) {
        await write(false, e instanceof AppError ? e.code : 'INTERNAL')
        throw e
      }
    },
    recordOnce: (id, base, note = {}) => insertOnce(col(), { _id: id, ...entry(base, note, true, null) }),
  }
}
