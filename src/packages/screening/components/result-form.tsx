import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import type { ResultDTO, ResultOutcome } from '~types/screening'
import { BigButton } from '~src/components/big-button'
import { Refusal, useAction, type Action } from '~src/hooks/use-action'
import { call } from '~src/services/api'
import { confirmDialog } from '~src/services/dialog'
import { formatDateTime } from '~src/utils/datetime'
import { Segment } from './segment'

type Choice = ResultOutcome | ''
const OUTCOMES: { key: Choice; label: string }[] = [
  { key: 'normal', label: '正常' },
  { key: 'recheck', label: '需复查' },
]
const LABEL: Record<ResultOutcome, string> = { normal: '正常', recheck: '需复查' }
const NOTE_MAX = 200

interface Props {
  bookingId: string
  onDone: () => void
  /** Her (masked) name, so the confirmation says whose result this is. */
  name?: string
  /** A result is already registered: show it first, and offer a correction. */
  resultReady?: boolean
}

const confirmed = (title: string, content: string) => confirmDialog({ title, content, confirmText: '确认登记', cancelText: '返回修改' })

/** What is registered now, once read: outcome, her advice, when. */
function CurrentResult({ bookingId, current }: { bookingId: string; current: ResultDTO }) {
  return (
    <View id={`result-current-${bookingId}`} className='sc-list-item'>
      <Text className={`sc-big ${current.outcome === 'normal' ? 'sc-ok' : 'sc-warn'}`}>已登记：{LABEL[current.outcome]}</Text>
      {current.note ? <Text className='sc-sub'>建议：{current.note}</Text> : null}
      <Text className='sc-sub'>{formatDateTime(current.readyAt)} 登记</Text>
    </View>
  )
}

interface EditorProps {
  bookingId: string
  current: ResultDTO | null
  outcome: Choice
  setOutcome: (outcome: Choice) => void
  note: string
  setNote: (note: string) => void
  save: Action<[], void>
}

function ResultEditor({ bookingId, current, outcome, setOutcome, note, setNote, save }: EditorProps) {
  return (
    <View>
      <Text className='sc-sub'>{current ? '请选择更正后的结果' : '请选择结果（不会默认选中）'}</Text>
      <Segment<Choice> idPrefix={`outcome-${bookingId}`} options={OUTCOMES} value={outcome} onChange={setOutcome} />
      <Textarea
        id={`result-note-${bookingId}`}
        className='sc-textarea'
        value={note}
        maxlength={NOTE_MAX}
        placeholder='复查建议（需复查时必填，最多 200 字，仅本人在小程序内可见）'
        onInput={(e) => setNote(e.detail.value)}
      />
      <BigButton id={`result-submit-${bookingId}`} loading={save.busy} onClick={() => void save.run()}>
        {current ? '更正结果并通知本人' : '登记结果并通知本人'}
      </BigButton>
    </View>
  )
}

interface SaveInput {
  bookingId: string
  name: string
  outcome: Choice
  note: string
  current: ResultDTO | null
  onDone: () => void
}

/** Checks the choice, asks for a confirmation naming her and the outcome, then registers it. */
function useSaveResult({ bookingId, name, outcome, note, current, onDone }: SaveInput): Action<[], void> {
  // Checked and confirmed before the button turns 请稍候… (the kit's `ask`).
  const ask = () => {
    if (!outcome) throw new Refusal('请先选择筛查结果：正常 或 需复查')
    if (outcome === 'recheck' && !note.trim()) throw new Refusal('需复查时请填写复查建议')
    const what = `${name}：${LABEL[outcome]}${note.trim() ? `（建议：${note.trim()}）` : ''}`
    return current
      ? confirmed(
          '确认更正结果',
          `将 ${name} 的结果由「${LABEL[current.outcome]}」更正为「${LABEL[outcome]}」。更正会被记录，并通知本人重新查看。`,
        )
      : confirmed('确认登记结果', `${what}。登记后将通知本人在小程序内查看。`)
  }
  return useAction(
    async () => {
      if (!outcome) return // ask refused it already
      await call('screening', 'markResult', { bookingId, outcome, note: note.trim() || undefined }, { loadingText: '正在登记' })
      onDone()
    },
    { ask },
  )
}

/**
 * Registers or corrects one woman's result. Nothing is preselected and nothing
 * is sent before a confirmation that names her and the outcome: a wrong tap
 * here would tell a healthy woman to come back, or the reverse. She is told
 * only that a result is ready; the outcome stays in the app.
 */
export function ResultForm({ bookingId, onDone, name = '这位女职工', resultReady = false }: Props) {
  const [outcome, setOutcome] = useState<Choice>('')
  const [note, setNote] = useState('')
  const [current, setCurrent] = useState<ResultDTO | null>(null)
  const [editing, setEditing] = useState(!resultReady)
  const view = useAction(async () => setCurrent(await call('screening', 'readResult', { bookingId }, { loadingText: '正在读取' })))
  const save = useSaveResult({ bookingId, name, outcome, note, current, onDone })
  const error = save.error || view.error
  return (
    <View className='result-form' id={`result-form-${bookingId}`}>
      {current && <CurrentResult bookingId={bookingId} current={current} />}
      {resultReady && !current && (
        <BigButton id={`result-view-${bookingId}`} variant='secondary' loading={view.busy} onClick={() => void view.run()}>
          查看已登记的结果
        </BigButton>
      )}
      {resultReady && current && !editing && (
        <BigButton id={`result-correct-${bookingId}`} variant='secondary' onClick={() => setEditing(true)}>
          更正结果
        </BigButton>
      )}
      {editing && (
        <ResultEditor
          bookingId={bookingId}
          current={current}
          outcome={outcome}
          setOutcome={setOutcome}
          note={note}
          setNote={setNote}
          save={save}
        />
      )}
      {error && <Text className='error-text'>{error}</Text>}
    </View>
  )
}
