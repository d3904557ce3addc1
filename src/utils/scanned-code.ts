/**
 * What a scanner hands us is not always the bare code: a WeChat mini-program code
 * arrives as a path with `scene=<urlencoded>`, a pasted text may carry spaces or a
 * line break. The server is the judge of validity; this only unwraps and trims.
 */
export function extractCode(scanned: string): string {
  const text = (scanned || '').trim()
  const scene = /(?:^|[?&#])scene=([^&#\s]+)/.exec(text)
  if (scene) {
    try {
      return decodeURIComponent(scene[1]).trim()
    } catch {
      return scene[1].trim()
    }
  }
  return text.replace(/\s+/g, '')
}
