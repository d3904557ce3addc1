import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import type { ResultOutcome } from '../../../../types/screening'
import { BigButton } from '../../../components/big-button'
import { call, messageOf } from '../../../services/api'
import { Segment } from './segment'

const OUTCOMES: { key: ResultOutcome; label: string }[] = [
  { key: 'normal', label: '正常' },
  { key: 'recheck', label: '需复查' },
]
const NOTE_MAX = 200

/** Registers one woman's result. She is told only that it is ready; the outcome stays in the app. */
export function ResultForm({ bookingId, onDone }: { bookingId: string; onDone: () => void }) {
  const [outcome, setOutcome] = useState<ResultOutcome>('normal')
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const submit = async () => {
    if (outcome === 'recheck' && !note.trim()) return setError('需复查时请填写复查建议')
    setBusy(true)
    setError('')
    try {
      await call('screening', 'markResult', { bookingId, outcome, note: note.trim() || undefined }, { idempotent: true, loadingText: '正在登记' })
      onDone()
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='result-form'>
      <Segment idPrefix={`outcome-${bookingId}`} options={OUTCOMES} value={outcome} onChange={setOutcome} />
      <Textarea
        id={`result-note-${bookingId}`}
        className='sc-textarea'
        value={note}
        maxlength={NOTE_MAX}
        placeholder='复查建议（选填，最多 200 字，将由本人在小程序内查看）'
        onInput={(e) => setNote(e.detail.value)}
      />
      {error && <Text className='error-text'>{error}</Text>}
      <BigButton id={`result-submit-${bookingId}`} loading={busy} onClick={submit}>登记结果并通知本人</BigButton>
    </View>
  )
}
