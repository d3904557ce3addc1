import { useRouter } from '@tarojs/taro'

/** A page's query parameters, decoded; '' when absent (a page opened without them must still render). */
export function useParams(): Record<string, string> {
  const params = useRouter().params as Record<string, string | undefined>
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(params)) {
    if (typeof v !== 'string') continue
    try {
      out[k] = decodeURIComponent(v)
    } catch {
      out[k] = v
    }
  }
  return out
}
