/**
 * Every scan, accepted or refused, leaves one `event_scans` entry with its reason
 * (as pretix logs failed check-ins): the dashboard counts refusals from it and
 * disputes are settled with it.
 */
import type { ScanKind } from '../../types/events'
import { AppError } from '../common/errors'
import { COLLECTIONS } from '../common/collections'
import { insertOnce, logScan, type ScanRec } from './activity.repository'
import type { EventsDeps } from './events.deps'

/** `logged`: this scan's accepted entry is already written (logScanOnce), so none is added on success. */
export type ScanNote = Partial<Omit<ScanRec, 'at' | 'kind' | 'ok' | 'code'>> & { logged?: boolean }

const entryOf = (deps: EventsDeps, note: ScanNote, kind: ScanKind, ok: boolean, code: string | null): ScanRec => {
  const { logged: _l, ...n } = note
  return { eventId: null, openid: null, member: '', staff: null, boothId: null, checkpointId: null, tierId: null, desk: null, ...n, at: deps.clock(), kind, ok, code }
}

/** Writes an accepted scan's entry under a deterministic id; false when that id exists (the code was used before). */
export function logScanOnce(deps: EventsDeps, id: string, kind: ScanKind, note: ScanNote): Promise<boolean> {
  return insertOnce(deps.db, COLLECTIONS.eventScans, id, { ...entryOf(deps, note, kind, true, null) })
}

/** Runs a scan; `note` is filled in as the scan learns who and what it is about. */
export async function recordScan<T>(
  deps: EventsDeps, kind: ScanKind, note: ScanNote, run: (note: ScanNote) => Promise<T>, codeOf?: (r: T) => string | null,
): Promise<T> {
  const write = (ok: boolean, code: string | null) =>
    logScan(deps.db, entryOf(deps, note, kind, ok, code)).catch((e) => console.error('[events] scan log failed', e))
  try {
    const result = await run(note)
    if (!note.logged) await write(true, codeOf ? codeOf(result) : null)
    return result
  } catch (e) {
    await write(false, e instanceof AppError ? e.code : 'INTERNAL')
    throw e
  }
}
