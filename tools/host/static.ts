import { createReadStream, statSync } from 'node:fs'
import { extname, join, normalize, sep } from 'node:path'
import type { ServerResponse } from 'node:http'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

/** Serves the H5 build; unknown paths get index.html so the app's router decides. */
export function serveStatic(
  root: string,
  pathname: string,
  res: ServerResponse,
  missing = 'H5 尚未构建：请运行 npm start（会自动构建）',
): void {
  const rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
  let file = join(root, rel)
  if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) file = join(root, 'index.html')
  if (!isFile(file)) file = join(root, 'index.html')
  if (!isFile(file)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
    res.end(missing)
    return
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream'
  // Local demo: always revalidate so a rebuild shows at once.
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' })
  createReadStream(file).pipe(res)
}
