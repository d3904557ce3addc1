import { RotatingCode } from '~src/components/rotating-code'
import { call } from '~src/services/api'

/** The rotating checkpoint code a screen shows so members can check themselves in. */
export function CheckpointScreen({ eventId, checkpointId }: { eventId: string; checkpointId: string }) {
  return (
    <RotatingCode
      id='checkpoint-qr'
      fetchCode={() => call('events', 'checkpointCode', { eventId, checkpointId }, { silent: true })}
      deps={[eventId, checkpointId]}
      hint='请会员打开「我的签到码」页面，扫此码自助签到'
    />
  )
}
