import { decodeScene, parseAppCode } from '~src/services/app-code'

/**
 * What a scanner hands us is not always the bare code: a mini-program code of the app arrives as its
 * page with `scene=<urlencoded>` (weapp `res.path`, or the local QR stand-in's URL: app-code.ts), a
 * pasted text may carry spaces or a line break. The server is the judge of validity; this only unwraps
 * and trims.
 */
export function extractCode(scanned: string): string {
  const text = (scanned || '').trim()
  const app = parseAppCode(text)
  if (app) return app.scene
  // A path this build does not know (an older or newer release's page) still carries its scene.
  const scene = /(?:^|[?&#])scene=([^&#\s]+)/.exec(text)
  if (scene) return decodeScene(scene[1])
  return text.replace(/\s+/g, '')
}
