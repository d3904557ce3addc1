import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { EventSummaryDTO } from '../../../../../types/events'
import { BigButton } from '../../../../components/big-button'
import { call, messageOf } from '../../../../services/api'
import { signUpState } from '../../lib/event-format'

/** Sign-up for an event that needs it; 已满 / 报名已截止 shown on a button that cannot be tapped. */
export function SignUpButton({ event, onDone }: { event: EventSummaryDTO; onDone: () => void }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const state = signUpState(event, Date.now())
  if (state.kind === 'not-needed') return null
  const signUp = async () => {
    setBusy(true)
    setError('')
    try {
      await call('events', 'signUp', { eventId: event.id }, { idempotent: true, loadingText: '正在报名' })
      Taro.showToast({ title: '报名成功', icon: 'success' })
      onDone()
    } catch (err) {
      setError(messageOf(err))
      onDone() // the count or 已满 may have changed meanwhile
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <BigButton id={`signup-${event.id}`} loading={busy} disabled={state.kind !== 'open'} variant={state.kind === 'open' ? 'primary' : 'secondary'} onClick={signUp}>
        {state.label}
      </BigButton>
      {error && <Text className='error-text'>{error}</Text>}
    </>
  )
}
