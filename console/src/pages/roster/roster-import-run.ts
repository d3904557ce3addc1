/**
 * One roster file's way in (issue 18): first every part is checked (`previewRoster`, nothing written), then,
 * once the officer confirms, the same parts are imported (`importRoster` with the chunk protocol of
 * types/roster-chunks.ts), each phase part after part so a progress bar can follow it. The file's bytes go
 * as they are: the function tells UTF-8 from GBK. A part that fails stops its phase; `resume` goes on from it.
 * A card number repeated in a later part is found from the preview's keys and refused there, in the preview
 * and in the import alike (`repeats`), as the function refuses a repeat within one part.
 */
import { useState } from 'react'
import type { RosterImportResult, RosterPreviewResult } from '~types/member'
import { type RosterPart, splitRosterFile } from '~types/roster-chunks'
import { toBase64 } from '~src/utils/bytes'
import { call, messageOf } from '../../api'

type RowError = RosterImportResult['errors'][number]

export interface RosterRun {
  importId: string
  parts: RosterPart[]
  rows: number
  phase: 'preview' | 'commit'
  /** The next part to send in this phase; `parts.length` when the phase is done. */
  next: number
  encoding: RosterImportResult['encoding'] | null
  preview: { adds: number; updates: number; moves: number; unchanged: number; errors: RowError[] }
  /** The first line of each card key the preview saw, and per part the lines that repeat an earlier part's. */
  seen: Record<string, number>
  repeats: { line: number; first: number }[][]
  commit: { imported: number; updated: number; unchanged: number; errors: RowError[] }
}

const newImportId = () => `con${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`

function request(r: RosterRun, part: number) {
  const p = r.parts[part]
  const chunk = r.parts.length > 1 ? { importId: r.importId, part, parts: r.parts.length, firstLine: p.firstLine } : undefined
  const repeats = r.phase === 'commit' ? r.repeats[part] : undefined
  return { csvBase64: toBase64(p.bytes), ...(chunk ? { chunk } : {}), ...(repeats?.length ? { repeats } : {}) }
}

function addPreview(r: RosterRun, res: RosterPreviewResult): RosterRun {
  const seen = { ...r.seen }
  const repeats: { line: number; first: number }[] = []
  const t = { ...r.preview, errors: [...r.preview.errors] }
  for (const a of res.accepted) {
    const first = seen[a.key]
    if (first === undefined) {
      seen[a.key] = a.line
      t.adds += +(a.outcome === 'add')
      t.updates += +(a.outcome === 'update' || a.outcome === 'move')
      t.moves += +(a.outcome === 'move')
      t.unchanged += +(a.outcome === 'same')
    } else repeats.push({ line: a.line, first })
  }
  const refused = repeats.map((x) => ({ line: x.line, reason: `会员证号与第 ${x.first} 行重复` }))
  const errors = [...t.errors, ...[...res.errors, ...refused].sort((a, b) => a.line - b.line)]
  return { ...r, next: r.next + 1, encoding: res.encoding, preview: { ...t, errors }, seen, repeats: [...r.repeats, repeats] }
}

function addCommit(r: RosterRun, res: RosterImportResult): RosterRun {
  const t = r.commit
  const commit = {
    imported: t.imported + res.imported,
    updated: t.updated + res.updated,
    unchanged: t.unchanged + res.unchanged,
    errors: [...t.errors, ...res.errors],
  }
  return { ...r, next: r.next + 1, encoding: res.encoding, commit }
}

/** Rows of the parts already sent in this phase. */
export const rowsSent = (r: RosterRun) => r.parts.slice(0, r.next).reduce((n, p) => n + p.rows, 0)
export const phaseDone = (r: RosterRun) => r.next >= r.parts.length

export function useRosterRun(onImported: () => void) {
  const [run, setRun] = useState<RosterRun | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const sendFrom = async (start: RosterRun) => {
    setBusy(true)
    setError(null)
    let r = start
    try {
      while (!phaseDone(r)) {
        r =
          r.phase === 'preview'
            ? addPreview(r, await call('member', 'previewRoster', request(r, r.next)))
            : addCommit(r, await call('member', 'importRoster', request(r, r.next)))
        setRun(r)
      }
      if (r.phase === 'commit') onImported()
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  return {
    run,
    busy,
    error,
    /** Splits the file and checks every part. */
    async preview(file: File) {
      const parts = splitRosterFile(new Uint8Array(await file.arrayBuffer()))
      const preview = { adds: 0, updates: 0, moves: 0, unchanged: 0, errors: [] }
      const commit = { imported: 0, updated: 0, unchanged: 0, errors: [] }
      const rows = parts.reduce((n, p) => n + p.rows, 0)
      const first: RosterRun = {
        importId: newImportId(),
        parts,
        rows,
        phase: 'preview',
        next: 0,
        encoding: null,
        preview,
        commit,
        seen: {},
        repeats: [],
      }
      setRun(first)
      await sendFrom(first)
    },
    /** After the preview: the same parts, imported. */
    commit() {
      if (run) void sendFrom({ ...run, phase: 'commit', next: 0 })
    },
    resume() {
      if (run) void sendFrom(run)
    },
    cancel() {
      setRun(null)
      setError(null)
    },
  }
}
