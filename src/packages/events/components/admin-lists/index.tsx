import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { BigButton } from '../../../../components/big-button'
import { Field } from '../../../../components/field'
import { messageOf } from '../../../../services/api'

export interface AdminField {
  key: string
  label: string
  placeholder?: string
}

interface Props {
  id: string
  title: string
  rows: { key: string; text: string }[]
  fields: AdminField[]
  /** Throws a Chinese message (or an ApiError) when the input is not acceptable. */
  onAdd: (values: Record<string, string>) => Promise<void>
}

/** A list of sub-items (booths, tiers, checkpoints) with a small form to add one. */
export function AdminList({ id, title, rows, fields, onAdd }: Props) {
  const blank = Object.fromEntries(fields.map((f) => [f.key, '']))
  const [values, setValues] = useState<Record<string, string>>(blank)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const add = async () => {
    setBusy(true)
    setError('')
    try {
      await onAdd(values)
      setValues(blank)
    } catch (err) {
      setError(err instanceof Error && !('code' in err) ? err.message : messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View id={id} className='card'>
      <Text className='card__title'>{title}（{rows.length}）</Text>
      {rows.length === 0 && <Text className='muted'>还没有</Text>}
      {rows.map((r) => <View key={r.key} className='row'><Text>{r.text}</Text></View>)}
      {fields.map((f) => (
        <Field key={f.key} id={`${id}-${f.key}`} label={f.label} placeholder={f.placeholder} value={values[f.key]} maxlength={100}
          onInput={(v) => setValues({ ...values, [f.key]: v })} />
      ))}
      {error && <Text className='error-text'>{error}</Text>}
      <BigButton id={`${id}-add`} variant='secondary' loading={busy} onClick={() => void add()}>添加</BigButton>
    </View>
  )
}
