import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { BookingsExportDTO } from '../../../../types/screening'
import { BigButton } from '../../../components/big-button'
import { Field } from '../../../components/field'
import { call, messageOf } from '../../../services/api'

/** Export of bookings: masked by default; full names, card numbers and phones only with a reason, which the server records. */
export function ExportBox({ programmeId }: { programmeId: string }) {
  const [reason, setReason] = useState('')
  const [result, setResult] = useState<BookingsExportDTO | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const run = async (full: boolean) => {
    if (full && reason.trim().length < 4) return setError('导出完整信息须填写用途（至少 4 个字），将被记录')
    setBusy(true)
    setError('')
    try {
      const req = full ? { programmeId, full: true, reason: reason.trim() } : { programmeId }
      setResult(await call('screening', 'exportBookings', req, { idempotent: true, loadingText: '正在导出' }))
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  const copy = () => result && Taro.setClipboardData({ data: result.csv }).catch(() => setError('复制失败，请手动选择文本'))
  return (
    <View className='card' id='export-box'>
      <Text className='card__title'>导出预约名单</Text>
      <BigButton id='export-masked' variant='secondary' loading={busy} onClick={() => run(false)}>导出（姓名、电话已脱敏）</BigButton>
      <Field id='export-reason' label='导出完整信息的用途' value={reason} onInput={setReason} placeholder='如：电话随访未到场会员' maxlength={100} />
      <BigButton id='export-full' variant='danger' loading={busy} onClick={() => run(true)}>导出完整信息（记录用途）</BigButton>
      {error && <Text className='error-text'>{error}</Text>}
      {result && (
        <View id='export-result'>
          <Text className='sc-sub'>{result.rows.length} 条 · {result.masked ? '已脱敏' : '完整信息'}</Text>
          <Text id='export-csv' className='sc-code' userSelect>{result.csv}</Text>
          <BigButton id='export-copy' variant='secondary' onClick={copy}>复制 CSV</BigButton>
        </View>
      )}
    </View>
  )
}
