/**
 * Where an invite QR leads. A bare code opens nothing when scanned, so the QR
 * carries the redeem page with the code filled in:
 * - H5: the page's own URL (hash router) with `?code=`;
 * - weapp: `TARO_APP_INVITE_LINK` when the mini-program has a 扫普通链接二维码打开小程序
 *   rule for it (WeChat then opens the redeem page with `q` = this URL); otherwise
 *   the page path, which the in-app 扫码 reads. A mini-program code made by the
 *   server would carry `scene=c=<code>` (10 of its 32 characters).
 */
export const REDEEM_PAGE = '/pages/staff/index'

const CODE_CHARS = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
const CODE_RE = new RegExp(`^[${CODE_CHARS}]{8}$`)

export function inviteLink(code: string, origin = h5Base()): string {
  const query = `code=${encodeURIComponent(code)}`
  if (process.env.TARO_ENV === 'h5') return `${origin}#${REDEEM_PAGE}?${query}`
  const link = process.env.TARO_APP_INVITE_LINK
  return link ? `${link}${link.includes('?') ? '&' : '?'}${query}` : `${REDEEM_PAGE.slice(1)}?${query}`
}

function h5Base(): string {
  if (typeof location === 'undefined') return ''
  return `${location.origin}${location.pathname}`
}

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
 * The code inside whatever reached the page or the scanner: a bare code, a link
 * or page path with `code=`, a mini-program `scene` (`c=CODE` or the code), or
 * WeChat's `q` (the scanned link, encoded). '' when there is none.
 */
export function inviteCodeFrom(text: string | undefined, depth = 0): string {
  if (!text || depth > 2) return ''
  const bare = normalizeCode(text)
  if (CODE_RE.test(bare)) return bare
  const decoded = safeDecode(text)
  const code = param(decoded, 'code') ?? param(`?${decoded}`, 'c')
  if (code && CODE_RE.test(normalizeCode(code))) return normalizeCode(code)
  const nested = param(text, 'q') ?? param(text, 'scene')
  return nested ? inviteCodeFrom(nested, depth + 1) : ''
}

/** Page options: `code` (H5 link, page path), `scene` (mini-program code), `q` (普通链接二维码). */
export function inviteCodeFromOptions(params: Record<string, string | undefined>): string {
  for (const key of ['code', 'scene', 'q']) {
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
