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

/** Reads again when the page comes back into view (another page or phone may have changed it). */
function useReloadOnShow(reload: () => Promise<void>): void {
  const hidden = useRef(false)
  useDidHide(() => {
    hidden.current = true
  })
  useDidShow(() => {
    if (!hidden.current) return
    hidden.current = false
    void reload()
  })
}

/** The state a remote read keeps, and the setters `reload` and `setData` work with. */
function useRemoteState<T>() {
  const [data, setDataState] = useState<T | null>(null)
  const [error, setError] = useState('')
  const [loaded, setLoaded] = useState(false)
  const [pending, setPending] = useState(true)
  const hasData = useRef(false)
  const show = useCallback((value: T) => {
    hasData.current = true
    setDataState(value)
    setLoaded(true)
  }, [])
  const forget = useCallback(() => {
    hasData.current = false
    setDataState(null)
    setLoaded(false)
    setError('')
  }, [])
  return { data, error, loaded, pending, hasData, show, forget, setError, setPending }
}

/**
 * Data a page shows. Read on mount and whenever `deps` change, and again each
 * time the page comes back into view, so places left, stock and booking states
 * are never stale after another page (or another phone) changed them.
 * `load(silent)` is told whether data is already on screen, so a background
 * re-read can skip the loading mask. An answer to an older request is dropped.
 */
export function useRemote<T>(load: (silent: boolean) => Promise<T>, deps: readonly unknown[] = []): Remote<T> {
  const st = useRemoteState<T>()
  const { show, forget, setError, setPending, hasData } = st
  const loadRef = useRef(load)
  loadRef.current = load
  const seq = useRef(0)
  const reload = useCallback(async () => {
    const mine = ++seq.current
    setPending(true)
    try {
      const value = await loadRef.current(hasData.current)
      if (mine !== seq.current) return
      show(value)
      setError('')
    } catch (err) {
      if (mine === seq.current) setError(messageOf(err))
    } finally {
      if (mine === seq.current) setPending(false)
    }
  }, [show, setError, setPending, hasData])
  const firstRun = useRef(true)
  useEffect(() => {
    // New deps mean another thing to show (another programme, another day): never show the old one as it.
    if (!firstRun.current) forget()
    firstRun.current = false
    void reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
  useReloadOnShow(reload)
  return { data: st.data, error: st.error, loading: st.pending && !st.loaded, loaded: st.loaded, reload, setData: show }
}
