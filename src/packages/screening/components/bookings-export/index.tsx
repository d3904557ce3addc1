import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ExportBox } from '~src/components/export-box'
import { Field } from '~src/components/field'
import { Refusal } from '~src/hooks/use-action'
import { call } from '~src/services/api'
import { formatShanghai } from '~src/utils/datetime'

/**
 * Export of bookings as a CSV file: masked by default; full names, card numbers and phones only with a
 * reason, which the server records.
 */
export function BookingsExport({ programmeId }: { programmeId: string }) {
  const [reason, setReason] = useState('')
  const load = (full: boolean) => async () => {
    if (full && reason.trim().length < 4) throw new Refusal('导出完整信息须填写用途（至少 4 个字），将被记录')
    const req = full ? { programmeId, full: true, reason: reason.trim() } : { programmeId }
    const res = await call('screening', 'exportBookings', req, { loadingText: '正在导出' })
    const stamp = formatShanghai(res.generatedAt, 'YYYYMMDD-HHmm')
    return { filename: `筛查预约名单-${res.masked ? '脱敏' : '完整'}-${stamp}.csv`, csv: res.csv, rows: res.rows.length }
  }
  return (
    <View className='card' id='export-box'>
      <Text className='card__title'>导出预约名单（CSV，Excel 可直接打开）</Text>
      <ExportBox id='export-masked' label='导出（姓名、电话已脱敏）' load={load(false)} />
      <Field
        id='export-reason'
        label='导出完整信息的用途'
        value={reason}
        onInput={setReason}
        placeholder='如：电话随访未到场会员'
        maxlength={100}
      />
      <ExportBox id='export-full' variant='danger' label='导出完整信息（记录用途）' load={load(true)} />
    </View>
  )
}
