import type { MeDTO } from '../../../types/member'
import { NoticeBanner } from '../../components/notice-banner'
import { formatShanghai } from '../../utils/datetime'

/** Where her deletion request stands. */
export function DeletionState({ me }: { me: MeDTO }) {
  if (!me.deletionRequestedAt) return null
  return <NoticeBanner id='me-deletion' tone='warn' text={`已于 ${formatShanghai(me.deletionRequestedAt)} 申请删除个人信息，工会将按规定处理`} />
}
