import { useDidHide, useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { CodeStatusDTO } from '~types/screening'
import { messageOf } from '../services/api'

/** What every rotating-code action returns (gift, check-in, booking, voucher codes). */
export interface RotatingCodeDTO {
  token: string
  expiresAt: number
}

/** What became of the code: staff redeemed or checked it in. Shown instead of the code. */
export interface CodeOutcome {
  title: string
  detail?: string
}

export interface RotatingCodeOptions {
  /** Asked every `pollMs` while the code is on screen; a non-null answer ends the rotation. */
  checkStatus?: () => Promise<CodeOutcome | null>
  pollMs?: number
}

/** The server's `codeStatus` answer as what the code turns into; null while the code is unused. */
export function outcomeOf(status: CodeStatusDTO): CodeOutcome | null {
  return status.done && status.title ? { title: status.title, detail: status.detail ?? undefined } : null
}

const DEFAULT_TTL_MS = 30_000
/** Fetch the next code this long before the current one lapses, so the screen never shows a dead code. */
const REFRESH_EARLY_MS = 3_000
const DEFAULT_POLL_MS = 3_000

/**
 * The lifetime the server granted, measured on our own clock at receipt: a phone
 * whose clock is off by minutes must neither refresh in a frantic loop nor show a
 * dead code. Anything implausible falls back to the usual 30 s.
 */
export function lifetimeMs(expiresAt: number, receivedAt: number): number {
  const ttl = expiresAt - receivedAt
  return ttl > REFRESH_EARLY_MS + 1_000 && ttl <= 10 * 60_000 ? ttl : DEFAULT_TTL_MS
}

/** The code itself: fetched, renewed shortly before it lapses while `live`, never after `done`. */
function useCodeRenewal(fetchCode: (() => Promise<RotatingCodeDTO>) | null, live: { current: boolean }, done: { current: boolean }) {
  const [token, setToken] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const fetchRef = useRef(fetchCode)
  fetchRef.current = fetchCode
  const deadline = useRef(0)
  const renew = useRef<ReturnType<typeof setTimeout>>()
  const refresh = useCallback(async () => {
    const fetcher = fetchRef.current
    if (!fetcher || done.current) return
    clearTimeout(renew.current)
    setBusy(true)
    try {
      const code = await fetcher()
      const ttl = lifetimeMs(code.expiresAt, Date.now())
      deadline.current = Date.now() + ttl
      setToken(code.token)
      setError('')
      if (live.current && !done.current) renew.current = setTimeout(() => void refresh(), ttl - REFRESH_EARLY_MS)
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }, [live, done])
  return { token, setToken, error, busy, deadline, renew, refresh }
}

/** Whether staff have used the code: asked at once and every `pollMs`; an answer ends the rotation. */
function useCodeOutcome(checkStatus: RotatingCodeOptions['checkStatus'], done: { current: boolean }, stop: () => void) {
  const [outcome, setOutcome] = useState<CodeOutcome | null>(null)
  const statusRef = useRef(checkStatus)
  statusRef.current = checkStatus
  const poll = useRef<ReturnType<typeof setInterval>>()
  const check = useCallback(async () => {
    const status = statusRef.current
    if (!status || done.current) return
    try {
      const found = await status()
      if (found && !done.current) {
        done.current = true
        stop()
        setOutcome(found)
      }
    } catch {
      // A failed status read is retried at the next poll; the code stays usable meanwhile.
    }
  }, [stop, done])
  return { outcome, setOutcome, check, poll, polls: () => !!statusRef.current }
}

/** A countdown of the seconds left on the code, ticking while it is on screen. */
function useSecondsLeft(deadline: { current: number }, enabled: boolean, deps: readonly unknown[]): number {
  const [secondsLeft, setSecondsLeft] = useState(0)
  useEffect(() => {
    if (!enabled) return undefined
    const tick = setInterval(() => setSecondsLeft(Math.max(0, Math.ceil((deadline.current - Date.now()) / 1000))), 1000)
    return () => clearInterval(tick)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, ...deps])
  return secondsLeft
}

/**
 * A code on screen that renews itself while the page is visible, with a
 * seconds-left countdown, and that notices when staff have used it. Pauses when
 * the page is hidden (no calls from a pocket) and starts afresh on return.
 * `fetchCode` may change identity every render; `deps` say when it is a new code.
 */
export function useRotatingCode(
  fetchCode: (() => Promise<RotatingCodeDTO>) | null,
  options: RotatingCodeOptions = {},
  deps: readonly unknown[] = [],
) {
  const live = useRef(true)
  const done = useRef(false)
  const enabled = !!fetchCode
  const code = useCodeRenewal(fetchCode, live, done)
  const stopPoll = useRef<() => void>(() => undefined)
  const stop = useCallback(() => stopPoll.current(), [])
  const status = useCodeOutcome(options.checkStatus, done, stop)
  stopPoll.current = () => {
    clearTimeout(code.renew.current)
    clearInterval(status.poll.current)
  }
  const start = useCallback(() => {
    stop()
    void code.refresh()
    if (!status.polls()) return
    // At once too: a page reopened after staff confirmed shows the outcome, not a live code.
    void status.check()
    status.poll.current = setInterval(() => void status.check(), options.pollMs ?? DEFAULT_POLL_MS)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [code.refresh, status.check, stop, options.pollMs])
  useEffect(() => {
    if (!enabled) return undefined
    done.current = false
    status.setOutcome(null)
    code.setToken('')
    live.current = true
    start()
    return stop
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, ...deps])
  const secondsLeft = useSecondsLeft(code.deadline, enabled, deps)
  usePauseWhenHidden(live, enabled, stop, () => void status.check().then(() => !done.current && start()))
  return { token: code.token, secondsLeft, error: code.error, busy: code.busy, outcome: status.outcome, refresh: code.refresh }
}

/** No calls from a pocket: stops while the page is hidden; `resume` on return (staff may have confirmed meanwhile). */
function usePauseWhenHidden(live: { current: boolean }, enabled: boolean, stop: () => void, resume: () => void): void {
  useDidShow(() => {
    if (live.current || !enabled) return
    live.current = true
    resume()
  })
  useDidHide(() => {
    live.current = false
    stop()
  })
}
