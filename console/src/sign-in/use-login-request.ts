import { useEffect, useRef, useState } from 'react'
import type { StartLoginResult } from '~types/console'
import { ApiError, call, messageOf } from '../api'
import { completeSignIn } from '../session'

const POLL_MS = 2000

export type LoginState =
  { phase: 'starting' } | { phase: 'shown'; start: StartLoginResult } | { phase: 'signingIn' } | { phase: 'failed'; message: string }

/** What the browser says about itself on the phone (`Chrome · Windows`); shown, never trusted. */
function describeBrowser(): string {
  const ua = navigator.userAgent
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Chrome\//.test(ua)
      ? 'Chrome'
      : /Firefox\//.test(ua)
        ? 'Firefox'
        : /Safari\//.test(ua)
          ? 'Safari'
          : '浏览器'
  const os = /Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : ''
  return [browser, os].filter(Boolean).join(' · ')
}

/**
 * One login request at a time: start it, poll until the phone confirms, then trade the ticket for a
 * sign-in. An expired request is replaced by a fresh code without her asking; a cancelled or failed one
 * waits for 刷新二维码 (`restart`).
 */
export function useLoginRequest(): { state: LoginState; restart(): void } {
  const [state, setState] = useState<LoginState>({ phase: 'starting' })
  const [round, setRound] = useState(0)
  const live = useRef(true)
  useEffect(() => {
    live.current = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = async (start: StartLoginResult) => {
      try {
        const got = await call('console', 'collectLogin', { loginId: start.loginId, secret: start.secret })
        if (!live.current) return
        if (got.status === 'waiting') return void (timer = setTimeout(() => void poll(start), POLL_MS))
        setState({ phase: 'signingIn' })
        await completeSignIn(got.ticket, got.customUserId, got.sessionExpiresAt)
      } catch (err) {
        if (!live.current) return
        if (err instanceof ApiError && err.code === 'LOGIN_EXPIRED') return setRound((r) => r + 1)
        setState({ phase: 'failed', message: messageOf(err) })
      }
    }
    setState({ phase: 'starting' })
    call('console', 'startLogin', { device: describeBrowser() }).then(
      (start) => {
        if (!live.current) return
        setState({ phase: 'shown', start })
        timer = setTimeout(() => void poll(start), POLL_MS)
      },
      (err: unknown) => live.current && setState({ phase: 'failed', message: messageOf(err) }),
    )
    return () => {
      live.current = false
      clearTimeout(timer)
    }
  }, [round])
  return { state, restart: () => setRound((r) => r + 1) }
}
