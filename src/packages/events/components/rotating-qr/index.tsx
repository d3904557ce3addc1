import { Text, View } from '@tarojs/components'
import { StateView } from '../../../../components/state-view'
import { QrImage } from '../../../../components/qr-image'

interface Props {
  id: string
  token: string
  secondsLeft: number
  busy: boolean
  error: string
  onRetry: () => void
  hint: string
}

/** A self-renewing code on screen with its countdown; a failed renewal says so and offers a retry. */
export function RotatingQr({ id, token, secondsLeft, busy, error, onRetry, hint }: Props) {
  if (error && !token) return <StateView state='error' message={error} onRetry={onRetry} />
  if (!token) return <StateView state='loading' message='正在生成二维码…' />
  return (
    <View id={id} className='rotating-qr'>
      <QrImage text={token} stale={busy || !!error} />
      <Text className='muted ev-center'>{busy ? '正在刷新…' : `${secondsLeft} 秒后自动刷新`}</Text>
      {error && <Text className='error-text ev-center'>{error}</Text>}
      <Text className='muted ev-center'>{hint}</Text>
    </View>
  )
}
