import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { Remote } from '~src/hooks/use-remote'
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

/**
 * The four states of anything read from the server: loading, failed (with a
 * retry), empty, and the content. A failed re-read keeps the content on screen
 * and says so above it instead of blanking the page.
 */
export function RemoteView<T>({ remote, children, isEmpty, emptyText, loadingText, id }: Props<T>) {
  const { data, error, loaded, reload } = remote
  if (!loaded) {
    return error ? (
      <StateView state='error' message={error} onRetry={() => void reload()} />
    ) : (
      <StateView state='loading' message={loadingText} />
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
