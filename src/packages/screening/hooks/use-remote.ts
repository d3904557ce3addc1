import { useDidShow } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { messageOf } from '../../../services/api'

export interface Remote<T> {
  data: T | null
  /** true once a read succeeded (data may legitimately be null). */
  loaded: boolean
  error: string
  /** Re-reads; quietly (no loading mask) once something is on screen. */
  reload: () => Promise<void>
  setData: (value: T) => void
}

/**
 * Data a page shows, read when the page appears and again each time it comes
 * back into view, so places left and booking states are never stale after
 * another page (or another phone) changed them.
 */
export function useRemote<T>(load: (silent: boolean) => Promise<T>): Remote<T> {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState('')
  const [loaded, setLoaded] = useState(false)
  const loadRef = useRef(load)
  loadRef.current = load
  const hasData = useRef(false)
  const reload = useCallback(async () => {
    setError('')
    try {
      const value = await loadRef.current(hasData.current)
      hasData.current = true
      setData(value)
      setLoaded(true)
    } catch (err) {
      setError(messageOf(err))
    }
  }, [])
  useDidShow(() => void reload())
  return { data, loaded, error, reload, setData }
}
