import type { IncomingMessage, ServerResponse } from 'node:http'
import { type ConsoleAuth, createConsoleAuth } from './console-auth'
import { serveStatic } from './static'

export interface ConsoleHost {
  auth: ConsoleAuth
  /** Answers the console's own paths (/console/…, /console-auth/signin); false for anything else. */
  handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean>
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size <= 64 * 1024) chunks.push(c)
    })
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')))
      } catch {
        resolve(undefined)
      }
    })
    req.on('error', () => resolve(undefined))
  })
}

/** The officers' console beside the app: its build at /console/ (built with base /console/), its local sign-in. */
export function createConsoleHost(consoleDir: string | undefined): ConsoleHost {
  const auth = createConsoleAuth()
  return {
    auth,
    async handle(req, res, pathname) {
      if (pathname === '/console-auth/signin' && req.method === 'POST') {
        const body = (await readJson(req)) as { ticket?: unknown } | undefined
        const signed = typeof body?.ticket === 'string' ? auth.signIn(body.ticket) : null
        res.writeHead(signed ? 200 : 401, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
        res.end(JSON.stringify(signed ? { ok: true, data: signed } : { ok: false, code: 'SESSION_ENDED', message: '登录凭据无效或已使用' }))
        return true
      }
      if (!consoleDir || (req.method !== 'GET' && req.method !== 'HEAD')) return false
      if (pathname === '/console') {
        res.writeHead(302, { location: '/console/' })
        res.end()
        return true
      }
      if (!pathname.startsWith('/console/')) return false
      serveStatic(
        consoleDir,
        pathname.slice('/console'.length),
        res,
        '控制台尚未构建：请运行 npm run build:console（npm start 会自动构建）',
      )
      return true
    },
  }
}
