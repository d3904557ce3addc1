/**
 * Every scan, accepted or refused, leaves one `event_scans` entry with its reason
 * (as pretix logs failed check-ins): the dashboard counts refusals from it and
 * disputes are settled with it.
 */
import type { ScanKind } from '../../types/events'
import { AppError } from '../common/errors'
import { logScan, type ScanRec } from './activity.repository'
import type { EventsDeps } from './events.deps'

export type ScanNote = Partial<Omit<ScanRec, 'at' | 'kind' | 'ok' | 'code'>>

/** Runs a scan; `note` is filled in as the scan learns who and what it is about. */
export async function recordScan<T>(
  deps: EventsDeps, kind: ScanKind, note: ScanNote, run: (note: ScanNote) => Promise<T>, codeOf?: (r: T) => string | null,
): Promise<T> {
  const write = (ok: boolean, code: string | null) =>
    logScan(deps.db, {
      eventId: null, openid: null, member: '', staff: null, boothId: null, checkpointId: null, tierId: null, desk: null,
      ...note, at: deps.clock(), kind, ok, code,
    }).catch((e) => console.error('[events] scan log failed', e))
  try {
    const result = await run(note)
    await write(true, codeOf ? codeOf(result) : null)
    return result
  } catch (e) {
    await write(false, e instanceof AppError ? e.code : 'INTERNAL')
    throw e
  }
}
