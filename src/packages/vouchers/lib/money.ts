/** Money on screen: integer fen in, ¥ text out; a typed amount in yuan back to fen (never via floating point). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** '86', '86.0', '86.00', '¥86.5' → fen; null for anything else (more than two decimals, letters, negative). */
export function parseYuan(text: string): number | null {
  const m = /^\s*[¥￥]?\s*(\d{1,7})(?:\.(\d{1,2}))?\s*$/.exec(text)
  if (!m) return null
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}
