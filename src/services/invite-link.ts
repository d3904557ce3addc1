/**
 * Reading a staff invite's code from whatever reached the page or the scanner. The officer's invite
 * view shows a mini-program code (小程序码) made by the server (member `inviteCodeImage`): WeChat's
 * scanner opens the redeem page with the code as `scene`, no link rule to configure (docs/wechat.md).
 */
const CODE_CHARS = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
const CODE_RE = new RegExp(`^[${CODE_CHARS}]{8}$`)

/** A typed code as the server stores it: case, spaces and the display dash forgiven. */
export function normalizeCode(raw: string): string {
  return raw.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '')
}

function param(text: string, name: string): string | undefined {
  const m = new RegExp(`[?&#]${name}=([^&#]*)`).exec(text)
  if (!m) return undefined
  try {
    return decodeURIComponent(m[1])
  } catch {
    return undefined
  }
}

/**
 * The code inside whatever reached the page or the scanner: a bare code, a page path or link with
 * `code=`, a mini-program code's path with `scene` (the code, or `c=CODE`). '' when there is none.
 */
export function inviteCodeFrom(text: string | undefined, depth = 0): string {
  if (!text || depth > 2) return ''
  const bare = normalizeCode(text)
  if (CODE_RE.test(bare)) return bare
  const decoded = safeDecode(text)
  const code = param(decoded, 'code') ?? param(`?${decoded}`, 'c')
  if (code && CODE_RE.test(normalizeCode(code))) return normalizeCode(code)
  const nested = param(text, 'scene')
  return nested ? inviteCodeFrom(nested, depth + 1) : ''
}

/** Page options: `code` (a page path typed or linked), `scene` (the mini-program code). */
export function inviteCodeFromOptions(params: Record<string, string | undefined>): string {
  for (const key of ['code', 'scene']) {
    const code = inviteCodeFrom(params[key])
    if (code) return code
  }
  return ''
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
