import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { BigButton } from '~src/components/big-button'
import { useAction } from '~src/hooks/use-action'
import { call } from '~src/services/api'
import { SubscribeSheet } from '~src/components/subscribe-sheet'
import { requestNotices } from '~src/services/subscribe'
import { useNow } from '~src/hooks/use-now'
import { formatCountdown, formatDateTime } from '~src/utils/datetime'
import { msUntil } from '~src/packages/screening/lib/stage'

interface Props {
  programmeId: string
  releaseAt: number
  serverNow: number
  /** Phone time when serverNow was read. */
  readAt: number
  reminded: boolean
  onReleased: () => void
}

/**
 * Calls `onReleased` on mount when already released, and each time `released` turns true. Only the flag
 * re-runs the effect: the page hands a new callback on every render, and a countdown tick must not call it.
 */
function useOnReleased(released: boolean, onReleased: () => void): void {
  const callback = useRef(onReleased)
  callback.current = onReleased
  useEffect(() => {
    if (released) callback.current()
  }, [released])
}

/** Before release: when places open, a live countdown by the server's clock, and a one-tap reminder. */
export function ReleaseCountdown({ programmeId, releaseAt, serverNow, readAt, reminded, onReleased }: Props) {
  const now = useNow()
  const left = msUntil(releaseAt, serverNow, readAt, now)
  const [on, setOn] = useState(reminded)
  const [note, setNote] = useState('')
  useOnReleased(left <= 0, onReleased)
  const remind = useAction(async () => {
    setNote('')
    const outcome = await requestNotices('screening', ['release'])
    const res = await call('screening', 'remindRelease', { programmeId }, { loadingText: '正在设置提醒' })
    setOn(res.releaseReminder)
    setNote(outcome.message)
  })
  return (
    <View className='card' id='release-countdown'>
      <Text className='card__title'>{formatDateTime(releaseAt)} 开放预约</Text>
      <Text className='sc-sub'>距开放还有</Text>
      <Text id='countdown' className='sc-countdown'>
        {formatCountdown(left)}
      </Text>
      {on ? (
        <Text id='remind-on' className='sc-sub sc-ok'>
          ✓ 已设置开放提醒
        </Text>
      ) : (
        <BigButton id='remind-release' variant='secondary' loading={remind.busy} onClick={() => void remind.run()}>
          开放时提醒我
        </BigButton>
      )}
      {(note || remind.error) && (
        <Text id='remind-note' className='sc-sub'>
          {remind.error || note}
        </Text>
      )}
      <SubscribeSheet />
    </View>
  )
}
