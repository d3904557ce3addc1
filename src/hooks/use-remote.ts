import { useDidHide, useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { messageOf } from '../services/api'

export interface Remote<T> {
  data: T | null
  error: string
  /** true while nothing is on screen yet and a read is under way; a reload keeps old data instead of flashing a spinner. */
  loading: boolean
  /** true once a read succeeded (data may legitimately be null). */
  loaded: boolean
  reload: () => Promise<void>
  setData: (value: T) => void
}

/**
 * Data a page shows. Read on mount and whenever `deps` change, and again each
 * time the page comes back into view, so places left, stock and booking states
 * are never stale after another page (or another phone) changed them.
 * `load(silent)` is told whether data is already on screen, so a background
 * re-read can skip the loading mask. An answer to an older request is dropped.
 */
export function useRemote<T>(load: (silent: boolean) => Promise<T>, deps: readonly unknown[] = []): Remote<T> {
  const [data, setDataState] = useState<T | null>(null)
  const [error, setError] = useState('')
  const [loaded, setLoaded] = useState(false)
  const [pending, setPending] = useState(true)
  const loadRef = useRef(load)
  loadRef.current = load
  const hasData = useRef(false)
  const seq = useRef(0)
  const hidden = useRef(false)

  const reload = useCallback(async () => {
    const mine = ++seq.current
    setPending(true)
    try {
      const value = await loadRef.current(hasData.current)
      if (mine !== seq.current) return
      hasData.current = true
      setDataState(value)
      setLoaded(true)
      setError('')
    } catch (err) {
      if (mine === seq.current) setError(messageOf(err))
    } finally {
      if (mine === seq.current) setPending(false)
    }
  }, [])

  const firstRun = useRef(true)
  useEffect(() => {
    // New deps mean another thing to show (another programme, another day): never show the old one as it.
    if (!firstRun.current) {
      hasData.current = false
      setDataState(null)
      setLoaded(false)
      setError('')
    }
    firstRun.current = false
    void reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
  useDidHide(() => {
    hidden.current = true
  })
  useDidShow(() => {
    if (!hidden.current) return
    hidden.current = false
    void reload()
  })
  const setData = useCallback((value: T) => {
    hasData.current = true
    setDataState(value)
    setLoaded(true)
  }, [])
  return { data, error, loading: pending && !loaded, loaded, reload, setData }
}
