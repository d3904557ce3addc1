import { Text, View } from '@tarojs/components'
import { BigButton } from '~src/components/big-button'
import { Field } from '~src/components/field'
import type { SubField, SubValues } from '~src/packages/events/lib/sub-item-form'

export interface ItemFormError {
  field?: string
  message: string
}

interface Props {
  /** Prefix of every input's id (`${id}-${field}`), and of the buttons. */
  id: string
  fields: SubField[]
  values: SubValues
  onChange: (v: SubValues) => void
  error: ItemFormError | null
  hints?: Record<string, string>
  busy: boolean
  saveLabel: string
  saveId?: string
  onSave: () => void
  onCancel?: () => void
}

/** The inputs of one booth, gift tier or checkpoint, with each error under the input it is about. */
export function ItemForm({ id, fields, values, onChange, error, hints, busy, saveLabel, saveId, onSave, onCancel }: Props) {
  const unplaced = error && !fields.some((f) => f.key === error.field) ? error.message : ''
  return (
    <View className='item-form'>
      {fields.map((f) => (
        <Field
          key={f.key}
          id={`${id}-${f.key}`}
          label={f.label}
          placeholder={f.placeholder}
          value={values[f.key] ?? ''}
          maxlength={100}
          error={error?.field === f.key ? error.message : ''}
          hint={hints?.[f.key]}
          onInput={(v) => onChange({ ...values, [f.key]: v })}
        />
      ))}
      {unplaced && (
        <Text id={`${id}-error`} className='error-text'>
          {unplaced}
        </Text>
      )}
      <View className='ev-actions'>
        <BigButton id={saveId ?? `${id}-save`} variant={onCancel ? 'primary' : 'secondary'} loading={busy} onClick={onSave}>
          {saveLabel}
        </BigButton>
        {onCancel && (
          <BigButton id={`${id}-cancel`} variant='secondary' disabled={busy} onClick={onCancel}>
            取消
          </BigButton>
        )}
      </View>
    </View>
  )
}
