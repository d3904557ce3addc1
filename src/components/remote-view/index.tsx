import { View } from '@tarojs/components'
import { type ReactNode, useEffect, useState } from 'react'
import type { Remote } from '~src/hooks/use-remote'
import { onQueueing } from '~src/services/invoke'
import { NoticeBanner } from '../notice-banner'
import { StateView } from '../state-view'

interface Props<T> {
  remote: Remote<T>
  children: (data: T) => ReactNode
  /** Shown instead of the content when this says the data is empty. */
  isEmpty?: (data: T) => boolean
  emptyText?: string
  loadingText?: string
  id?: string
}

/** True while any call waits in line after a BUSY answer (issue 17): the member sees she is queued. */
function useQueueing(): boolean {
  const [queued, setQueued] = useState(false)
  useEffect(() => onQueueing((n) => setQueued(n > 0)), [])
  return queued
}

/**
 * The four states of anything read from the server: loading, failed (with a
 * retry), empty, and the content. A failed re-read keeps the content on screen
 * and says so above it instead of blanking the page.
 */
export function RemoteView<T>({ remote, children, isEmpty, emptyText, loadingText, id }: Props<T>) {
  const { data, error, loaded, reload } = remote
  const queued = useQueueing()
  if (!loaded) {
    return error ? (
      <StateView state='error' message={error} onRetry={() => void reload()} />
    ) : (
      <StateView state='loading' message={queued ? '人多排队中…' : loadingText} />
    )
  }
  const value = data as T
  return (
    <View id={id}>
      {error && <NoticeBanner tone='warn' text={`刷新失败：${error}`} actionText='重试' onAction={() => void reload()} />}
      {isEmpty?.(value) ? <StateView state='empty' message={emptyText} /> : children(value)}
    </View>
  )
}
