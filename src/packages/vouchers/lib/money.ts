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

/** Why a typed bill cannot be used, in the cashier's words; '' when it can. One message per case. */
export function billProblem(text: string): string {
  const t = text.trim()
  if (t === '') return '请先输入消费金额（元），如 86.00'
  if (/^-/.test(t)) return '消费金额不能是负数'
  if (!/^[¥￥]?\s*\d+(\.\d*)?$/.test(t)) return '消费金额只能填数字，如 86.00'
  if (/\.\d{3,}$/.test(t)) return '消费金额最多两位小数（分）'
  const fen = parseYuan(t)
  if (fen === null || fen > MAX_BILL_FEN) return `单笔消费金额不超过 ${yuan(MAX_BILL_FEN)}，请核对`
  if (fen === 0) return '消费金额须大于 0'
  return ''
}

/** The server's limit of one bill (vouchers.schemas.ts `bill`): ¥1,000,000 at one till is a typo, not a purchase. */
export const MAX_BILL_FEN = 100_000_000
