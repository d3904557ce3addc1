import { useDidShow } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { messageOf } from '../../../services/api'

/**
 * Data a page shows, loaded each time the page comes into view (so returning
 * from a sub-page shows fresh numbers), with the error as its Chinese message.
 * A reload keeps the old data on screen instead of flashing a spinner.
 */
export function useRemote<T>(load: () => Promise<T>) {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState('')
  const loadRef = useRef(load)
  loadRef.current = load
  const reload = useCallback(async (silent = false) => {
    if (!silent) setError('')
    try {
      setData(await loadRef.current())
      setError('')
    } catch (err) {
      setError(messageOf(err))
    }
  }, [])
  useDidShow(() => void reload())
  return { data, setData, error, reload }
}
