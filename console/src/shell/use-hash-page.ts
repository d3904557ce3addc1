import { useEffect, useState } from 'react'

/** The page in the address (#/deletions): a reload or a bookmark opens the same page; no router needed for a flat menu. */
export function useHashPage(fallback: string): [string, (key: string) => void] {
  const read = () => window.location.hash.replace(/^#\/?/, '') || fallback
  const [page, setPage] = useState(read)
  useEffect(() => {
    const onHash = () => setPage(read())
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [fallback])
  return [page, (key) => void (window.location.hash = `#/${key}`)]
}
