/**
 * Custom-login tickets (自定义登录) for the console: `createTicket` in @cloudbase/node-sdk signs an RS256 JWT,
 * valid 10 minutes, with the environment's custom-login private key (docs.cloudbase.net
 * authentication-v2/method/custom-login; node-sdk src/auth/index.ts). The browser trades it for a CloudBase
 * login with `signInWithCustomTicket`; every call after that carries the ticket's id in the function's
 * context (caller.ts). The key comes from the function's environment (CONSOLE_LOGIN_KEY: the key file the
 * CloudBase console gives under 身份认证 → 登录方式 → 自定义登录, as JSON or base64 of it), never the repo;
 * locally `npm start` makes one (tools/local-secrets.ts) and the host plays CloudBase's part.
 */
import tcb from '@cloudbase/node-sdk'
import { fail } from '../common/errors'

export interface LoginKey {
  private_key_id: string
  private_key: string
  env_id: string
}

export function parseLoginKey(raw: string | undefined): LoginKey | null {
  if (!raw) return null
  const text = raw.trim().startsWith('{') ? raw : Buffer.from(raw, 'base64').toString('utf8')
  const key = JSON.parse(text) as Partial<LoginKey>
  if (!key.private_key_id || !key.private_key || !key.env_id)
    throw new Error('CONSOLE_LOGIN_KEY: needs private_key_id, private_key, env_id')
  return key as LoginKey
}

export type IssueTicket = (customUserId: string, sessionExpiresAt: number) => string

let issuer: { raw: string; issue: IssueTicket } | undefined

/** Signs with CONSOLE_LOGIN_KEY; UNAVAILABLE (said in the log) when the environment has none. */
export function ticketIssuer(): IssueTicket {
  const raw = process.env.CONSOLE_LOGIN_KEY ?? ''
  if (issuer?.raw === raw) return issuer.issue
  const key = parseLoginKey(raw)
  const app = key ? tcb.init({ env: key.env_id, credentials: key }) : null
  const issue: IssueTicket = (uid, expire) => {
    if (!app) {
      console.error('[console] CONSOLE_LOGIN_KEY is not set: no custom-login ticket can be made (docs/console.md)')
      fail('UNAVAILABLE')
    }
    // the CloudBase login itself ends with the session: its refresh token expires when the session does
    return app.auth().createTicket(uid, { refresh: 3600_000, expire })
  }
  issuer = { raw, issue }
  return issue
}
