import { Image, Text, View } from '@tarojs/components'
import type { AppCodeImage } from '~types/app-code'
import { useRemote } from '~src/hooks/use-remote'
import '../qr-image/index.css'
import './index.css'

interface Props {
  /** Asks the function for the code (it is made once on the server and kept; a view only reads it). */
  load: () => Promise<AppCodeImage>
  deps: readonly unknown[]
  id?: string
  size?: 'large' | 'print'
}

/**
 * A sheet of 50 booth codes must not start 50 calls at once: CloudBase's base plan serves 20 concurrent
 * requests per function and refuses the rest. A few at a time keep the page within it and still quick.
 */
const AT_ONCE = 4
let running = 0
const waiting: (() => void)[] = []

async function inTurn<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= AT_ONCE) await new Promise<void>((go) => waiting.push(go))
  running++
  try {
    return await fn()
  } finally {
    running--
    waiting.shift()?.()
  }
}

/**
 * A mini-program code (小程序码) the server made: WeChat's own scanner opens the app at its page with
 * its `scene`. Locally the image is a plain QR standing in for it (docs/wechat.md, "Codes").
 */
export function AppCode({ load, deps, id, size = 'large' }: Props) {
  const remote = useRemote(() => inTurn(load), deps)
  return (
    <View className={`qr-image qr-image--${size}`}>
      {remote.data ? (
        <Image id={id} className='qr-image__img' src={remote.data.dataUrl} mode='scaleToFill' />
      ) : (
        <View className='app-code__state' onClick={remote.error ? () => void remote.reload() : undefined}>
          <Text>{remote.error ? `${remote.error}（点此重试）` : '正在生成小程序码…'}</Text>
        </View>
      )}
    </View>
  )
}
