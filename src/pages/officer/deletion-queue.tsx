import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { DeletionRequestDTO } from '~types/member'
import { ErasureOutcome } from '../me/erasure-outcome'
import { BigButton } from '~src/components/big-button'
import { RemoteView } from '~src/components/remote-view'
import { DELETION_STATE_LABEL } from '~src/constants/deletion'
import { useAction } from '~src/hooks/use-action'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { confirmDialog } from '~src/services/dialog'
import { formatShanghai } from '~src/utils/datetime'

function Request({ r, onDone }: { r: DeletionRequestDTO; onDone: (done: DeletionRequestDTO) => void }) {
  const ask = () =>
    confirmDialog({
      title: '确认删除个人信息',
      content: `删除 ${r.memberName || '该会员'} 可删除的个人信息，并解除其会员绑定？按规定须保留的会记录保留原因，到期后再次执行。此操作不可撤销。`,
      confirmText: '执行删除',
      danger: true,
    })
  const run = useAction(async () => onDone(await call('member', 'processDeletionRequest', { id: r.id }, { loadingText: '正在删除' })), {
    ask,
  })
  const open = r.status === 'pending' || r.status === 'partly'
  return (
    <View id={`deletion-${r.id}`} className='roster-row'>
      <Text className='roster-row__name'>
        {r.memberName || '（未绑定名册）'}
        {r.memberRef ? ` · ${r.memberRef}` : ''}
      </Text>
      <Text className='muted'>
        {r.branch ? `${r.branch} · ` : ''}
        {formatShanghai(r.requestedAt)} 申请 · {DELETION_STATE_LABEL[r.status]}
      </Text>
      {r.processedAt && <Text className='muted'>处理时间：{formatShanghai(r.processedAt)}</Text>}
      {r.outcome && <ErasureOutcome outcome={r.outcome} />}
      {open && (
        <BigButton id={`deletion-process-${r.id}`} variant='danger' loading={run.busy} onClick={() => void run.run()}>
          {r.status === 'partly' ? '再次执行（删除已到期的信息）' : '执行删除'}
        </BigButton>
      )}
      {run.error && <Text className='error-text'>{run.error}</Text>}
    </View>
  )
}

/** Members' deletion requests, oldest first: erase what may go, record what is kept and why. */
export function DeletionQueue() {
  const [all, setAll] = useState(false)
  // A request carried out leaves the open list at once: its outcome stays on screen until the next one.
  const [processed, setProcessed] = useState<DeletionRequestDTO | null>(null)
  const list = useRemote((silent) => call('member', 'listDeletionRequests', { status: all ? 'all' : 'open' }, { silent }), [all])
  return (
    <View className='card' id='deletion-queue'>
      <Text className='card__title'>删除个人信息申请</Text>
      <View className='invite__kinds'>
        <View id='deletion-open' className={`invite__kind ${all ? '' : 'invite__kind--on'}`} onClick={() => setAll(false)}>
          待处理
        </View>
        <View id='deletion-all' className={`invite__kind ${all ? 'invite__kind--on' : ''}`} onClick={() => setAll(true)}>
          全部
        </View>
      </View>
      {processed && (
        <View id='deletion-processed' className='deletion__processed'>
          <Text className='roster-row__name'>
            已处理：{processed.memberName || '该会员'} · {DELETION_STATE_LABEL[processed.status]}
          </Text>
          {processed.outcome && <ErasureOutcome outcome={processed.outcome} />}
        </View>
      )}
      <RemoteView remote={list} isEmpty={(l) => l.length === 0} emptyText={all ? '还没有删除申请' : '没有待处理的删除申请'}>
        {(l) => (
          <View>
            {l.map((r) => (
              <Request key={r.id} r={r} onDone={(done) => (setProcessed(done), void list.reload())} />
            ))}
          </View>
        )}
      </RemoteView>
    </View>
  )
}
