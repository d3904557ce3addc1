import { parse } from 'csv-parse/sync'
import { unsafeTextReason } from '../common/schema'
import type { RosterFields } from './roster.repository'

interface CsvRowError {
  line: number
  reason: string
}

export interface ParsedRoster {
  rows: RosterFields[]
  errors: CsvRowError[]
  /** The file line of each row (rows[i] is on lines[i]): a refusal later (her union's reach) names it. */
  lines: number[]
}

type Column = keyof RosterFields

/** Chinese headers first; English ones for spreadsheets exported by other systems. */
const HEADERS: Record<string, Column> = {
  姓名: 'name',
  name: 'name',
  会员证号: 'cardNo',
  会员卡号: 'cardNo',
  cardno: 'cardNo',
  手机号: 'phone',
  手机: 'phone',
  phone: 'phone',
  所属工会: 'branch',
  工会: 'branch',
  branch: 'branch',
  标签: 'tags',
  tags: 'tags',
  性别: 'gender',
  gender: 'gender',
  出生日期: 'birthDate',
  birthdate: 'birthDate',
}
const REQUIRED: [Column, string][] = [
  ['name', '姓名'],
  ['cardNo', '会员证号'],
  ['branch', '所属工会'],
]
const GENDERS: Record<string, 'F' | 'M' | ''> = { 女: 'F', f: 'F', female: 'F', 男: 'M', m: 'M', male: 'M', '': '' }

function parseDate(raw: string, thisYear: number): string | null {
  if (raw === '') return ''
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1900 || y > thisYear) return null
  return date.toISOString().slice(0, 10)
}

/** Checks one row; returns the stored fields or the reason it is refused (Chinese, for the officer). */
export function checkRow(cells: Partial<Record<Column, string>>, thisYear: number): RosterFields | string {
  const name = (cells.name ?? '').replace(/\s+/g, '')
  const cardNo = (cells.cardNo ?? '').toUpperCase().replace(/[\s-]/g, '')
  const phone = (cells.phone ?? '').replace(/[\s-]/g, '')
  const branch = (cells.branch ?? '').trim()
  const tags = [
    ...new Set(
      (cells.tags ?? '')
        .split(/[|;；、]/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ]
  const gender = GENDERS[(cells.gender ?? '').trim().toLowerCase()]
  const birthDate = parseDate((cells.birthDate ?? '').trim(), thisYear)
  // line breaks and tabs are whitespace, removed below
  const hidden = unsafeTextReason(`${cells.name ?? ''}${cells.branch ?? ''}${cells.tags ?? ''}`, true)
  if (hidden) return `姓名、所属工会或标签${hidden}，请删除后重试`
  if (!name) return '姓名为空'
  if ([...name].length > 20) return '姓名超过 20 个字'
  if (!cardNo) return '会员证号为空'
  if (!/^[A-Z0-9]{4,24}$/.test(cardNo)) return `会员证号“${cardNo.slice(0, 30)}”格式不正确（应为 4–24 位字母或数字）`
  if (phone && !/^1[3-9]\d{9}$/.test(phone)) return `手机号“${phone.slice(0, 20)}”格式不正确（应为 11 位手机号）`
  if (!branch) return '所属工会为空'
  if ([...branch].length > 40) return '所属工会名称超过 40 个字'
  if (tags.length > 10 || tags.some((t) => [...t].length > 10)) return '标签过多或过长（最多 10 个，每个不超过 10 个字）'
  if (gender === undefined) return `性别“${cells.gender}”无法识别（应为 男 或 女）`
  if (birthDate === null) return `出生日期“${cells.birthDate}”格式不正确（应为 1990-01-31 这样的日期）`
  return { name, cardNo, phone, branch, tags, gender, birthDate }
}

/** csv-parse counts lines up to a record's end; a quoted line break inside it moves its start up. */
function startLine(entry: { raw: string; info: { lines: number } }): number {
  const inner =
    entry.raw
      .replace(/^[\r\n]+/, '')
      .replace(/\r?\n$/, '')
      .split('\n').length - 1
  return entry.info.lines - inner
}

function headerColumns(header: string[]): { columns: (Column | undefined)[]; missing: string[] } {
  const columns = header.map(
    (h) =>
      HEADERS[
        h
          .replace(/^\uFEFF/, '')
          .trim()
          .toLowerCase()
      ] ?? HEADERS[h.trim()],
  )
  const missing = REQUIRED.filter(([c]) => !columns.includes(c)).map(([, label]) => label)
  return { columns, missing }
}

/**
 * Parses the roster CSV: every bad row is reported with its line number (1 is
 * the header) and a reason; good rows come back ready to store. A card number
 * repeated within the file is refused on its later lines. `shift`: for a part of
 * a bigger file, what turns the part's lines into the whole file's (its rows'
 * lines, and the line a repeat names).
 */
export function parseRosterCsv(csv: string, thisYear: number, shift = 0): ParsedRoster {
  let records: { record: string[]; raw: string; info: { lines: number } }[]
  try {
    records = parse(csv, {
      bom: true,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records
  } catch (e) {
    const at = (e as { lines?: number }).lines ?? 1
    const line = at > 1 ? at + shift : at
    return { rows: [], lines: [], errors: [{ line, reason: '无法解析 CSV（引号不成对或格式错误），请另存为 CSV UTF-8 后重试' }] }
  }
  if (records.length === 0) return { rows: [], lines: [], errors: [{ line: 1, reason: '文件为空' }] }
  const { columns, missing } = headerColumns(records[0].record)
  if (missing.length) return { rows: [], lines: [], errors: [{ line: startLine(records[0]), reason: `表头缺少：${missing.join('、')}` }] }
  const rows: RosterFields[] = []
  const lines: number[] = []
  const errors: CsvRowError[] = []
  const seen = new Map<string, number>()
  for (const entry of records.slice(1)) {
    if (entry.record.every((c) => c === '')) continue // a row of empty cells, as spreadsheets leave at the end
    const line = startLine(entry) + shift
    const cells: Partial<Record<Column, string>> = {}
    columns.forEach((c, i) => c && (cells[c] = entry.record[i] ?? ''))
    const checked = checkRow(cells, thisYear)
    if (typeof checked === 'string') errors.push({ line, reason: checked })
    else if (seen.has(checked.cardNo)) errors.push({ line, reason: `会员证号与第 ${seen.get(checked.cardNo)} 行重复` })
    else {
      seen.set(checked.cardNo, line)
      rows.push(checked)
      lines.push(line)
    }
  }
  return { rows, errors, lines }
}
