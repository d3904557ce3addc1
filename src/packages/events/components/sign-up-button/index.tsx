import { Text } from '@tarojs/components'
import type { EventSummaryDTO } from '~types/events'
import { BigButton } from '~src/components/big-button'
import { useAction } from '~src/hooks/use-action'
import { call } from '~src/services/api'
import { signUpState } from '~src/packages/events/lib/event-format'
import { notify } from '~src/services/notify'

/** Sign-up for an event that needs it; 已满 / 报名已截止 shown on a button that cannot be tapped. */
export function SignUpButton({ event, onDone }: { event: EventSummaryDTO; onDone: () => void }) {
  const signUp = useAction(async () => {
    try {
      await call('events', 'signUp', { eventId: event.id }, { loadingText: '正在报名' })
      notify('报名成功')
    } finally {
      onDone() // on a refusal too: the count or 已满 may have changed meanwhile
    }
  })
  const state = signUpState(event, Date.now())
  if (state.kind === 'not-needed') return null
  return (
    <>
      <BigButton
        id={`signup-${event.id}`}
        loading={signUp.busy}
        disabled={state.kind !== 'open'}
        variant={state.kind === 'open' ? 'primary' : 'secondary'}
        onClick={() => void signUp.run()}
      >
        {state.label}
      </BigButton>
      {signUp.error && <Text className='error-text'>{signUp.error}</Text>}
    </>
  )
}
