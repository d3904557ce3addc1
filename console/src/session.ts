/**
 * The console's sign-in state. After `collectLogin` hands over a custom-login ticket, production signs in to
 * CloudBase with it (`signInWithCustomTicket`, cloudbase.ts) and CloudBase carries the session's id on every
 * call; locally the function host plays that part (tools/host/console-auth.ts) and answers a token sent as
 * `Authorization: Bearer`. Kept in sessionStorage: a closed tab signs out of this browser, never of the phone's list.
 */
import { cloudEnv } from './cloud-env'

export interface ConsoleSession {
  customUserId: string
  expiresAt: number
  /** Local only: the host's token for this sign-in. */
  token?: string
}

const KEY = 'union-console-session'
type Listener = (s: ConsoleSession | null, reason: string | null) => void
const listeners = new Set<Listener>()

export function currentSession(): ConsoleSession | null {
  try {
    const s = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as ConsoleSession | null
    return s && s.expiresAt > Date.now() ? s : null
  } catch {
    return null
  }
}

function set(s: ConsoleSession | null, reason: string | null): void {
  if (s) sessionStorage.setItem(KEY, JSON.stringify(s))
  else sessionStorage.removeItem(KEY)
  for (const l of listeners) l(s, reason)
}

export function onSessionChange(l: Listener): () => void {
  listeners.add(l)
  return () => void listeners.delete(l)
}

/** Trades the ticket for a sign-in: CloudBase's in production, the local host's otherwise. */
export async function completeSignIn(ticket: string, customUserId: string, expiresAt: number): Promise<void> {
  if (cloudEnv()) {
    const { signInWithTicket } = await import('./cloudbase')
    await signInWithTicket(ticket)
    return set({ customUserId, expiresAt }, null)
  }
  const res = await fetch('/console-auth/signin', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ticket }),
  })
  const body = (await res.json().catch(() => null)) as { ok?: boolean; data?: { token: string } } | null
  if (!body?.ok || !body.data) throw new Error('登录凭据无效，请重新扫码')
  set({ customUserId, expiresAt, token: body.data.token }, null)
}

/** Signed out: by 退出登录, or because a call found the session ended (`reason` is shown on the sign-in page). */
export async function signedOut(reason: string | null): Promise<void> {
  if (cloudEnv()) await import('./cloudbase').then((m) => m.signOutOfCloud()).catch(() => undefined)
  set(null, reason)
}
