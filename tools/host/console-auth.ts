/**
 * The local host plays CloudBase's part of the console's custom-ticket sign-in (issue 18). In production the
 * browser hands the ticket to `auth.signInWithCustomTicket` (@cloudbase/js-sdk) and CloudBase puts the
 * ticket's id in every later call's context (`TCB_CUSTOM_USER_ID`); an anonymous login (`TCB_UUID`) is what
 * a browser has before. Here: POST /console-auth/signin {ticket} checks the ticket as CloudBase would (RS256
 * with the environment's custom-login key, CONSOLE_LOGIN_KEY; 10 minutes) and answers a local session token;
 * a call carrying `Authorization: Bearer <token>` then reaches the function with that id in its context.
 * A ticket signs in once. Tokens live in this process: a restarted host asks the console to scan again.
 */
import { createPublicKey, randomBytes, verify } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { WebCaller } from './identity'

interface Claims {
  uid: string
  env: string
  exp: number
  expire?: number
}

const b64json = (s: string) => JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Record<string, unknown>

/** The ticket's claims when its signature, key id and time hold; null otherwise. */
export function checkTicket(ticket: string, rawKey: string | undefined, now: number): Claims | null {
  if (!rawKey) return null
  const text = rawKey.trim().startsWith('{') ? rawKey : Buffer.from(rawKey, 'base64').toString('utf8')
  const key = JSON.parse(text) as { private_key_id: string; private_key: string; env_id: string }
  const [kid, jwt] = ticket.split('/@@/')
  const [head, body, sig] = (jwt ?? '').split('.')
  if (kid !== key.private_key_id || !head || !body || !sig) return null
  const good = verify('RSA-SHA256', Buffer.from(`${head}.${body}`), createPublicKey(key.private_key), Buffer.from(sig, 'base64url'))
  if (!good) return null
  const claims = b64json(body) as unknown as Claims
  return claims.env === key.env_id && typeof claims.uid === 'string' && claims.exp > now ? claims : null
}

export interface ConsoleAuth {
  /** POST /console-auth/signin: a token for a good ticket, once per ticket. */
  signIn(ticket: string): { token: string; customUserId: string } | null
  /** Who a web request is, as CloudBase would put it in the context: signed in by ticket, or anonymous. */
  webCaller(req: IncomingMessage): WebCaller
}

export function createConsoleAuth(now: () => number = Date.now): ConsoleAuth {
  const tokens = new Map<string, { customUserId: string; until: number }>()
  const used = new Set<string>()
  return {
    signIn(ticket) {
      const claims = checkTicket(ticket, process.env.CONSOLE_LOGIN_KEY, now())
      if (!claims || used.has(ticket)) return null
      used.add(ticket)
      const token = randomBytes(24).toString('base64url')
      tokens.set(token, { customUserId: claims.uid, until: claims.expire ?? now() + 8 * 3600_000 })
      return { token, customUserId: claims.uid }
    },
    webCaller(req) {
      const ip = req.socket.remoteAddress ?? undefined
      const bearer = /^Bearer (\S+)$/.exec(String(req.headers.authorization ?? ''))?.[1]
      const held = bearer ? tokens.get(bearer) : undefined
      if (held && held.until > now()) return { uid: `local-${held.customUserId}`, customUserId: held.customUserId, ip }
      return { uid: 'local-anonymous', ip }
    },
  }
}
