import { useCallback, useEffect, useRef, useState } from 'react'
import { messageOf } from './api'

export interface Remote<T> {
  data?: T
  error: string | null
  loading: boolean
  reload(): void
}

/**
 * Loads once, again when `deps` change, and on `reload`; the error is the Chinese message of the call's
 * code. `deps` are what `load` reads (compared by value): the latest `load` runs, an answer that arrives
 * after the deps changed is dropped.
 */
export function useRemote<T>(load: () => Promise<T>, deps: readonly unknown[] = []): Remote<T> {
  const [state, setState] = useState<{ data?: T; error: string | null; loading: boolean }>({ error: null, loading: true })
  const [round, setRound] = useState(0)
  const latest = useRef(load)
  latest.current = load
  const key = JSON.stringify(deps)
  useEffect(() => {
    let live = true
    setState((s) => ({ ...s, loading: true }))
    latest.current().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (err: unknown) => live && setState((s) => ({ ...s, error: messageOf(err), loading: false })),
    )
    return () => {
      live = false
    }
  }, [key, round])
  const reload = useCallback(() => setRound((r) => r + 1), []) // stable: a timer may hold it
  return { ...state, reload }
}
