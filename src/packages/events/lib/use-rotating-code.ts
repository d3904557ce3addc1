import { useDidHide, useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { messageOf } from '../../../services/api'

export interface RotatingCode {
  token: string
  expiresAt: number
}

const DEFAULT_TTL_MS = 30_000
/** Fetch the next code this long before the current one lapses, so the screen never shows a dead code. */
const REFRESH_EARLY_MS = 3_000

/**
 * The lifetime the server granted, measured on our own clock at receipt: a phone
 * whose clock is off by minutes must neither refresh in a frantic loop nor show a
 * dead code. Anything implausible falls back to the usual 30 s.
 */
export function lifetimeMs(expiresAt: number, receivedAt: number): number {
  const ttl = expiresAt - receivedAt
  return ttl > REFRESH_EARLY_MS + 1_000 && ttl <= 10 * 60_000 ? ttl : DEFAULT_TTL_MS
}

/**
 * A code on screen that renews itself while the page is visible, with a
 * seconds-left countdown. Pauses when the page is hidden (no calls from a
 * pocket) and fetches a fresh one on return.
 */
export function useRotatingCode(fetchCode: (() => Promise<RotatingCode>) | null) {
  const [token, setToken] = useState('')
  const [secondsLeft, setSecondsLeft] = useState(0)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const deadline = useRef(0)
  const timer = useRef<ReturnType<typeof setTimeout>>()
  const visible = useRef(true)

  const refresh = useCallback(async () => {
    if (!fetchCode) return
    clearTimeout(timer.current)
    setBusy(true)
    try {
      const code = await fetchCode()
      const ttl = lifetimeMs(code.expiresAt, Date.now())
      deadline.current = Date.now() + ttl
      setToken(code.token)
      setError('')
      timer.current = setTimeout(() => visible.current && void refresh(), ttl - REFRESH_EARLY_MS)
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }, [fetchCode])

  useEffect(() => {
    void refresh()
    const tick = setInterval(() => setSecondsLeft(Math.max(0, Math.ceil((deadline.current - Date.now()) / 1000))), 1000)
    return () => {
      clearInterval(tick)
      clearTimeout(timer.current)
    }
  }, [refresh])
  useDidShow(() => {
    if (!visible.current) void refresh()
    visible.current = true
  })
  useDidHide(() => {
    visible.current = false
    clearTimeout(timer.current)
  })

  return { token, secondsLeft, error, busy, refresh }
}
