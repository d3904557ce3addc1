import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ERROR_MESSAGES } from '~types/errors'
import type { ScanKind, ScanLogEntryDTO } from '~types/events'
import { BigButton } from '~src/components/big-button'
import { useAction } from '~src/hooks/use-action'
import { call } from '~src/services/api'
import { formatDateTime } from '~src/utils/datetime'

const KIND: Record<ScanKind, string> = {
  stamp: '集章',
  'gift-preview': '兑换核对',
  'gift-redeem': '兑换',
  checkin: '签到',
  'self-checkin': '自助签到',
}
const reason = (code: string) => (code === 'ALREADY' ? '重复扫码' : ((ERROR_MESSAGES as Record<string, string>)[code] ?? code))

/** Refused scans with their reasons, newest first, for settling a dispute at the desk. */
export function ScanLog({ eventId }: { eventId: string }) {
  const [entries, setEntries] = useState<ScanLogEntryDTO[] | null>(null)
  const load = useAction(async () => {
    setEntries((await call('events', 'scanLog', { eventId, refusedOnly: true, limit: 50 })).entries)
  })
  return (
    <View id='scan-log' className='card'>
      <Text className='card__title'>被拒绝的扫码记录</Text>
      <BigButton id='scan-log-load' variant='secondary' loading={load.busy} onClick={() => void load.run()}>
        {entries ? '刷新' : '查看最近 50 条'}
      </BigButton>
      {load.error && <Text className='error-text'>{load.error}</Text>}
      {entries?.length === 0 && <Text className='muted'>没有被拒绝的扫码</Text>}
      {entries?.map((e) => (
        <View key={e.id} className='ev-tier'>
          <Text className='row__label'>
            {formatDateTime(e.at)} · {KIND[e.kind]} · {e.member || '未知'}
            {e.desk ? ` · ${e.desk}` : ''}
          </Text>
          <Text className='ev-warn'>{reason(e.code ?? '')}</Text>
        </View>
      ))}
    </View>
  )
}
