/**
 * Mini-program codes (小程序码) as they reach the app. WeChat's own scanner opens the code's page with
 * `options.scene` (URL-encoded); `wx.scanCode` on such a code answers `res.path` = `page?scene=…`; the
 * local WeChat's stand-in is a plain QR whose text is `<app url>/#/<page>?scene=…` (a browser cannot
 * read WeChat's round codes). All three carry the same page and scene: read here, once.
 */
import { ROUTES } from '~types/routes'

export interface AppCode {
  /** The page the code opens, as in the route table (no leading slash). */
  page: string
  /** The token the code carries, decoded. */
  scene: string
}

const PAGES: ReadonlySet<string> = new Set(Object.values(ROUTES).map((r) => r.path))
// Optional `<scheme>://…#` (the local stand-in), optional `/`, the page, then a query holding `scene`.
const APP_CODE_RE = /^(?:[a-z][a-z0-9+.-]*:\/\/[^#\s]*#)?\/?([\w-]+(?:\/[\w-]+)*)\?(?:[^#\s]*?&)?scene=([^&#\s]*)/i

/** `scene` as WeChat hands it (URL-encoded); a token never holds `%`, so decoding twice is harmless. */
export function decodeScene(raw: string | undefined): string {
  if (!raw) return ''
  try {
    return decodeURIComponent(raw).trim()
  } catch {
    return raw.trim()
  }
}

/** The page and scene of a scanned mini-program code of THIS app; null for any other text. */
export function parseAppCode(text: string | undefined): AppCode | null {
  const m = APP_CODE_RE.exec((text ?? '').trim())
  if (!m || !PAGES.has(m[1])) return null
  const scene = decodeScene(m[2])
  return scene ? { page: m[1], scene } : null
}
