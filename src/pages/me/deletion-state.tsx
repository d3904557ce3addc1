import { Text, View } from '@tarojs/components'
import type { MeDTO } from '~types/member'
import { DELETION_STATE_LABEL } from '~src/constants/deletion'
import { formatShanghai } from '~src/utils/datetime'
import { ErasureOutcome } from './erasure-outcome'

/** Whether her deletion request is still open (she may not file a second one meanwhile). */
export function deletionOpen(me: MeDTO): boolean {
  if (me.deletion) return me.deletion.status === 'pending' || me.deletion.status === 'partly'
  return !!me.deletionRequestedAt
}

/** Where her deletion request stands, and once carried out what was erased and what is kept and why. */
export function DeletionState({ me }: { me: MeDTO }) {
  const d = me.deletion
  if (!d && !me.deletionRequestedAt) return null
  const requestedAt = d?.requestedAt ?? me.deletionRequestedAt ?? 0
  return (
    <View id='me-deletion' className='card'>
      <Text className='card__title'>删除个人信息申请</Text>
      <Text>
        {formatShanghai(requestedAt)} 申请 · {d ? DELETION_STATE_LABEL[d.status] : '等待工会处理'}
      </Text>
      {d?.processedAt && <Text className='muted'>处理时间：{formatShanghai(d.processedAt)}</Text>}
      {d?.outcome && <ErasureOutcome outcome={d.outcome} />}
      {(!d || d.status === 'pending') && <Text className='muted'>工会处理前您仍是会员，可照常使用各项服务；处理结果会显示在这里。</Text>}
    </View>
  )
}
