import { useEffect, useState } from 'react'

const pageIn = (fallback: string) => window.location.hash.replace(/^#\/?/, '') || fallback

/** The page in the address (#/deletions): a reload or a bookmark opens the same page; no router needed for a flat menu. */
export function useHashPage(fallback: string): [string, (key: string) => void] {
  const [page, setPage] = useState(() => pageIn(fallback))
  useEffect(() => {
    const onHash = () => setPage(pageIn(fallback))
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [fallback])
  return [page, (key) => void (window.location.hash = `#/${key}`)]
}
