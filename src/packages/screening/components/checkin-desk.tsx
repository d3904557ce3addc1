import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { CheckInResultDTO } from '../../../../types/screening'
import { BigButton } from '../../../components/big-button'
import { Field } from '../../../components/field'
import { call, messageOf } from '../../../services/api'
import { sessionLine } from '../utils/format'

const isWeapp = process.env.TARO_ENV === 'weapp'

/**
 * The front desk: scan (or paste) her code, see at once who she is and
 * whether she is in; a re-scan answers "已签到 08:12". The box clears after
 * every answer so the next woman in the queue can be scanned straight away.
 */
export function CheckinDesk({ onCheckedIn }: { onCheckedIn: () => void }) {
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<CheckInResultDTO | null>(null)
  const [error, setError] = useState('')
  const submit = async (raw: string) => {
    const token = raw.trim()
    setResult(null)
    if (!token) return setError('请先扫码或粘贴签到码')
    setBusy(true)
    setError('')
    try {
      setResult(await call('screening', 'checkIn', { token }, { idempotent: true, loadingText: '正在签到' }))
      setCode('')
      onCheckedIn()
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  const scan = () => Taro.scanCode({ onlyFromCamera: false }).then((res) => submit(res.result), () => undefined)
  return (
    <View className='card'>
      <Text className='card__title'>签到</Text>
      {isWeapp && <BigButton id='nurse-scan' loading={busy} onClick={scan}>扫描签到码</BigButton>}
      <Field id='nurse-code-input' label='签到码' value={code} onInput={setCode} placeholder='扫不出来时，在此粘贴签到码' maxlength={600} />
      <BigButton id='nurse-checkin-submit' variant={isWeapp ? 'secondary' : 'primary'} loading={busy} onClick={() => submit(code)}>签到</BigButton>
      {result && (
        <View id='checkin-result' className={`notice ${result.alreadyCheckedIn ? 'notice--warn' : 'notice--ok'}`}>
          <View>
            <Text id='checkin-message' className='sc-big'>{result.message}</Text>
            <Text className='sc-sub'>{result.name} · {sessionLine(result.session)}</Text>
          </View>
        </View>
      )}
      {error && <Text id='checkin-error' className='error-text'>{error}</Text>}
    </View>
  )
}
