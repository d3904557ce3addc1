import { useCallback } from 'react'
import { call } from '../../../../services/api'
import { useRotatingCode } from '../../lib/use-rotating-code'
import { RotatingQr } from '../rotating-qr'

/** The rotating checkpoint code a screen shows so members can check themselves in. */
export function CheckpointScreen({ eventId, checkpointId }: { eventId: string; checkpointId: string }) {
  const fetchCode = useCallback(() => call('events', 'checkpointCode', { eventId, checkpointId }, { idempotent: true, silent: true }), [eventId, checkpointId])
  const code = useRotatingCode(fetchCode)
  return <RotatingQr id='checkpoint-qr' {...code} onRetry={() => void code.refresh()} hint='请会员打开「我的签到码」页面，扫此码自助签到' />
}
