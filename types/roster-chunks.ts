/**
 * Splits a roster file into parts for a chunked `member.importRoster`, on the
 * client (the officer's page) and in tests alike. It works on the file's bytes,
 * so a GBK file need not be decoded first: a line feed (0x0A) and a quote (0x22)
 * never occur inside a multi-byte character in UTF-8 or GBK. Line feeds inside
 * a quoted cell do not end a row. Every part starts with the header line.
 */
export interface RosterPart {
  /** The header line followed by this part's rows, as bytes of the original encoding. */
  bytes: Uint8Array
  /** Line number in the whole file of the part's first data row (the header is line 1). */
  firstLine: number
  rows: number
}

/** 1,000 rows of a roster are ≈100 KB, the size WeChat suggests a call's data stay under. */
export const ROWS_PER_PART = 1000

const LF = 0x0a
const QUOTE = 0x22

/** [start, end) of each record (end includes its line feed) with the physical line it starts on. */
function records(bytes: Uint8Array): { start: number; end: number; line: number }[] {
  const out: { start: number; end: number; line: number }[] = []
  let start = 0
  let line = 1
  let startLine = 1
  let quoted = false
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === QUOTE) quoted = !quoted
    else if (bytes[i] === LF) {
      line++
      if (!quoted) {
        out.push({ start, end: i + 1, line: startLine })
        start = i + 1
        startLine = line
      }
    }
  }
  if (start < bytes.length) out.push({ start, end: bytes.length, line: startLine })
  return out
}

function isBlank(bytes: Uint8Array, r: { start: number; end: number }): boolean {
  for (let i = r.start; i < r.end; i++) if (bytes[i] !== LF && bytes[i] !== 0x0d && bytes[i] !== 0x20 && bytes[i] !== 0x2c) return false
  return true
}

export function splitRosterFile(bytes: Uint8Array, rowsPerPart = ROWS_PER_PART): RosterPart[] {
  const recs = records(bytes)
  if (recs.length === 0) return []
  const header = recs[0]
  let headerBytes = bytes.subarray(header.start, header.end)
  if (headerBytes[headerBytes.length - 1] !== LF) headerBytes = Uint8Array.from([...headerBytes, LF])
  const rows = recs.slice(1).filter((r) => !isBlank(bytes, r))
  const parts: RosterPart[] = []
  for (let i = 0; i < rows.length; i += rowsPerPart) {
    const slice = rows.slice(i, i + rowsPerPart)
    const body = bytes.subarray(slice[0].start, slice[slice.length - 1].end)
    const out = new Uint8Array(headerBytes.length + body.length)
    out.set(headerBytes, 0)
    out.set(body, headerBytes.length)
    parts.push({ bytes: out, firstLine: slice[0].line, rows: slice.length })
  }
  return parts.length ? parts : [{ bytes: headerBytes, firstLine: 2, rows: 0 }]
}
