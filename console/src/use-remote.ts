import { useCallback, useEffect, useState } from 'react'
import { messageOf } from './api'

export interface Remote<T> {
  data?: T
  error: string | null
  loading: boolean
  reload(): void
}

/** Loads once and on `reload`; the error is the Chinese message of the call's code. */
export function useRemote<T>(load: () => Promise<T>, deps: readonly unknown[] = []): Remote<T> {
  const [state, setState] = useState<{ data?: T; error: string | null; loading: boolean }>({ error: null, loading: true })
  const [round, setRound] = useState(0)
  const run = useCallback(load, deps)
  useEffect(() => {
    let live = true
    setState((s) => ({ ...s, loading: true }))
    run().then(
      (data) => live && setState({ data, error: null, loading: false }),
      (err: unknown) => live && setState((s) => ({ ...s, error: messageOf(err), loading: false })),
    )
    return () => {
      live = false
    }
  }, [run, round])
  return { ...state, reload: () => setRound((r) => r + 1) }
}
