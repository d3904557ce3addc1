/**
 * `wxacode.getUnlimited` as WeChat decides it: `scene` 1–32 visible characters from the allowed set (40169),
 * `page` an app page without a query (41030; the real WeChat verifies existence only with check_path, the local
 * one always does, to catch a typo before a union prints it). The image is a plain QR code, not WeChat's round
 * code: the local H5 app and its scan box cannot read the round format, so the QR carries the same page and
 * scene as a URL the app opens: `${appUrl}/#/${page}?scene=${encodeURIComponent(scene)}`.
 */
import qrcode from 'qrcode-generator'
import { WX, type WxError, wxError } from './errors'
import { appPages, homePage } from './pages'

interface Png {
  data: Buffer
}
// pngjs ships no type declarations and @types/pngjs is not installed: type the calls used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PNG } = require('pngjs') as {
  PNG: { new (o: { width: number; height: number }): Png; sync: { write(p: Png, o?: { filterType: number }): Buffer } }
}

export interface CodeParams {
  scene?: unknown
  page?: unknown
  env_version?: unknown
}

/** getUnlimitedQRCode: 最大32个可见字符，只支持数字，大小写英文以及部分特殊字符 !#$&'()*+,/:;=?@-._~ */
export const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/

const VERSIONS = ['release', 'trial', 'develop']

function refusal(p: CodeParams): WxError | null {
  if (typeof p.scene !== 'string' || !SCENE.test(p.scene)) return wxError(WX.BAD_SCENE)
  if (p.page !== undefined && (typeof p.page !== 'string' || p.page.includes('?') || !appPages().has(p.page))) return wxError(WX.BAD_PAGE)
  if (p.env_version !== undefined && !VERSIONS.includes(p.env_version as string)) return wxError(WX.BAD_FORMAT)
  return null
}

/** The text the local code carries; the app's scene reader parses it (issue 16 §5). */
export function codeText(appUrl: string, page: string, scene: string): string {
  return `${appUrl.replace(/\/$/, '')}/#/${page}?scene=${encodeURIComponent(scene)}`
}

/** A QR code of `text` as PNG bytes: 8 px modules, the 4-module quiet zone scanners expect. */
export function qrPng(text: string, cell = 8): Buffer {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  const modules = qr.getModuleCount()
  const size = (modules + 8) * cell
  const png = new PNG({ width: size, height: size })
  png.data.fill(255) // white, opaque
  for (let my = 0; my < modules; my++) {
    const row = Buffer.alloc(size * 4, 255) // one pixel row of this module row, repeated `cell` times below
    for (let mx = 0; mx < modules; mx++) {
      if (!qr.isDark(my, mx)) continue
      for (let x = (mx + 4) * cell; x < (mx + 5) * cell; x++) row.fill(0, x * 4, x * 4 + 3) // black, alpha stays 255
    }
    for (let y = 0; y < cell; y++) row.copy(png.data, ((my + 4) * cell + y) * size * 4)
  }
  // No per-row filter search (pngjs tries all five by default): a two-colour image deflates well as is, and the
  // search costs ~0.5 s a code inside jest's sandbox (30 ms in plain node), which a 50-booth print sheet multiplies.
  return PNG.sync.write(png, { filterType: 0 })
}

export function unlimitedCode(p: CodeParams, appUrl: string): WxError | { png: Buffer; text: string } {
  const refused = refusal(p)
  if (refused) return refused
  const text = codeText(appUrl, (p.page as string | undefined) ?? homePage(), p.scene as string)
  return { png: qrPng(text), text }
}
