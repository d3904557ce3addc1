/**
 * One roster file (or one part of it) checked against the tree and the records it names, exactly as an
 * import stores it: the import and its preview share this step, so the preview's refusals and counts are
 * the import's own (issue 18: the officer sees every row's fate before anything is written).
 */
import { createHash } from 'node:crypto'
import type { RosterDoc } from '../common/member-docs'
import type { OfficerScope } from '../common/unions'
import type { RosterImportRequest, RosterImportResult, RosterPreviewResult } from '~types/member'
import { type ParsedRoster, parseRosterCsv } from './roster-csv.rules'
import { decodeRosterBytes } from './roster-encoding.rules'
import { placeRows } from './roster-placement.rules'
import type { RosterFields, RosterRepository } from './roster.repository'
import type { TreeNode } from './unions.rules'

const GARBLED = '文件内容有乱码：它不是 UTF-8 编码（多为 Excel 保存的 GBK），请直接上传文件本身，或在 Excel 中“另存为 CSV UTF-8”后重试'

type Encoding = RosterImportResult['encoding']
type RowError = RosterImportResult['errors'][number]

export type CheckedRoster =
  | { refused: RowError; encoding: Encoding }
  | { rows: RosterFields[]; lines: number[]; existing: Map<string, RosterDoc>; errors: RowError[]; encoding: Encoding }

/** The text of the request: the CSV as sent, or its bytes decoded (UTF-8 or GBK). */
function textOf(req: RosterImportRequest): { text: string; encoding: Encoding } | { refused: string } {
  // U+FFFD: a client read GBK bytes as UTF-8 before sending; the names are lost, say so instead of importing mojibake.
  if (req.csv?.includes('\uFFFD')) return { refused: GARBLED }
  if (req.csv !== undefined) return { text: req.csv, encoding: 'utf-8' }
  const decoded = decodeRosterBytes(Buffer.from(req.csvBase64 ?? '', 'base64'))
  return decoded.ok ? decoded : { refused: decoded.reason }
}

/** A card number an earlier part of the file has (the client found it from the preview) is refused as a repeat in one part is. */
function withoutRepeats(parsed: ParsedRoster, req: RosterImportRequest): ParsedRoster {
  if (!req.repeats?.length) return parsed
  const first = new Map(req.repeats.map((r) => [r.line, r.first]))
  const out: ParsedRoster = { rows: [], lines: [], errors: [...parsed.errors] }
  parsed.rows.forEach((row, i) => {
    const line = parsed.lines[i]
    const earlier = first.get(line)
    if (earlier !== undefined) out.errors.push({ line, reason: `会员证号与第 ${earlier} 行重复` })
    else {
      out.rows.push(row)
      out.lines.push(line)
    }
  })
  return out
}

/** Whether storing `row` would leave the record as it is. */
export function sameFields(doc: RosterDoc, row: RosterFields): boolean {
  return (
    doc.name === row.name &&
    doc.phone === row.phone &&
    doc.branch === row.branch &&
    (doc.unionId ?? null) === (row.unionId ?? null) &&
    doc.gender === row.gender &&
    doc.birthDate === row.birthDate &&
    doc.tags.join('|') === row.tags.join('|')
  )
}

/** Parses, validates and places every row (line numbers of the whole file, also for a part); reads the records the rows name. */
export async function checkRoster(
  req: RosterImportRequest,
  scope: OfficerScope,
  deps: { roster: RosterRepository; tree: () => Promise<TreeNode[]>; now: number },
): Promise<CheckedRoster> {
  const input = textOf(req)
  if ('refused' in input) return { refused: { line: 1, reason: input.refused }, encoding: 'utf-8' }
  const shift = req.chunk ? req.chunk.firstLine - 2 : 0
  const parsed = withoutRepeats(parseRosterCsv(input.text, new Date(deps.now).getUTCFullYear(), shift), req)
  const [existing, unions] = await Promise.all([deps.roster.many(parsed.rows.map((r) => r.cardNo)), deps.tree()])
  // Rows of unions outside her subtree are refused with the rest, row by row (issue 20).
  const placed = placeRows(parsed.rows, parsed.lines, unions, scope, existing)
  const errors = [...parsed.errors, ...placed.errors].sort((a, b) => a.line - b.line)
  return { rows: placed.rows, lines: placed.lines, existing, errors, encoding: input.encoding }
}

/** What storing `row` would do to the record it names (a changed union is a move, kept in `unionMoves`). */
export function outcomeOf(row: RosterFields, doc: RosterDoc | undefined): RosterPreviewResult['accepted'][number]['outcome'] {
  if (!doc) return 'add'
  if (sameFields(doc, row)) return 'same'
  return (doc.unionId ?? null) !== (row.unionId ?? null) ? 'move' : 'update'
}

/** The same card, the same key, within a preview's answers; not the number itself (the answer is masked as every other). */
export const cardKey = (cardNo: string) => createHash('sha256').update(`roster-card:${cardNo}`).digest('base64url').slice(0, 16)

export const NOTHING: RosterPreviewResult = { adds: 0, updates: 0, moves: 0, unchanged: 0, errors: [], encoding: 'utf-8', accepted: [] }
