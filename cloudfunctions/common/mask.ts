/** PIPL: phone and card numbers are masked in every response except to their owner. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone.replace(/./g, '*')
}

/**
 * GH3201000123 → GH******0123: the last four tell neighbouring rows apart on an
 * officer's screen (the middle, where a union's numbers share their prefix, is
 * hidden). For matching rows exactly, exports carry `memberRef` instead.
 */
export function maskCardNo(cardNo: string): string {
  if (cardNo.length >= 8) return `${cardNo.slice(0, 2)}${'*'.repeat(cardNo.length - 6)}${cardNo.slice(-4)}`
  return cardNo.length > 4 ? `${'*'.repeat(cardNo.length - 2)}${cardNo.slice(-2)}` : cardNo.replace(/./g, '*')
}

/** 李明 → 李*；欧阳娜娜 → 欧***. */
export function maskName(name: string): string {
  const chars = [...name]
  return chars.length <= 1 ? name : chars[0] + '*'.repeat(chars.length - 1)
}
