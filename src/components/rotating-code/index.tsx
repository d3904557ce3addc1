import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { useRotatingCode, type CodeOutcome, type RotatingCodeDTO } from '~src/hooks/use-rotating-code'
import { QrImage } from '../qr-image'
import { StateView } from '../state-view'
import './index.css'

interface Props {
  /** Id of the code box; the outcome box is `<id>-outcome`, the countdown `<id>-countdown`. */
  id: string
  /** null while the page lacks what it needs to ask for a code. */
  fetchCode: (() => Promise<RotatingCodeDTO>) | null
  /** Polled while the code shows; a non-null answer replaces the code with the outcome (已领取, 已签到…). */
  checkStatus?: () => Promise<CodeOutcome | null>
  /** When these change, it is a different code (another event, tier, booking). */
  deps?: readonly unknown[]
  hint: string
  onOutcome?: (outcome: CodeOutcome) => void
}

/**
 * A member's code on screen: it rotates (≈30 s) so a forwarded screenshot is
 * useless at the desk, says how long it lasts, and turns into the outcome as
 * soon as staff confirm, so she knows she can put the phone away.
 */
export function RotatingCode({ id, fetchCode, checkStatus, deps = [], hint, onOutcome }: Props) {
  const code = useRotatingCode(fetchCode, { checkStatus }, deps)
  const { outcome } = code
  useEffect(() => {
    if (outcome) onOutcome?.(outcome)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [outcome])
  if (outcome) {
    return (
      <View id={`${id}-outcome`} className='rotating-code__outcome'>
        <Text className='rotating-code__tick'>✓ {outcome.title}</Text>
        {outcome.detail && <Text className='rotating-code__detail'>{outcome.detail}</Text>}
      </View>
    )
  }
  if (code.error && !code.token) return <StateView state='error' message={code.error} onRetry={() => void code.refresh()} />
  if (!code.token) return <StateView state='loading' message='正在生成二维码…' />
  return (
    <View id={id} className='rotating-code'>
      <QrImage id={`${id}-image`} text={code.token} stale={code.busy || !!code.error} />
      <Text id={`${id}-countdown`} className='rotating-code__hint'>
        {code.busy ? '正在刷新…' : `${code.secondsLeft} 秒后自动刷新`}
      </Text>
      {code.error && <Text className='error-text rotating-code__hint'>{code.error}</Text>}
      <Text className='rotating-code__hint'>{hint}</Text>
    </View>
  )
}
