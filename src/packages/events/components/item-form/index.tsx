import { Text, View } from '@tarojs/components'
import { BigButton } from '~src/components/big-button'
import { DateTimeField } from '~src/components/date-time-field'
import { Field } from '~src/components/field'
import type { FieldErrors } from '~src/hooks/form-errors'
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
  /** The new values and the field that changed (whose message goes: the form kit). */
  onChange: (v: SubValues, field: string) => void
  /** Messages under the inputs they are about. */
  errors: FieldErrors<string>
  /** A refusal about none of these inputs, shown above the buttons. */
  message?: string
  hints?: Record<string, string>
  busy: boolean
  saveLabel: string
  saveId?: string
  onSave: () => void
  onCancel?: () => void
}

/** The inputs of one booth, gift tier or checkpoint, with each error under the input it is about. */
export function ItemForm({ id, fields, values, onChange, errors, message, hints, busy, saveLabel, saveId, onSave, onCancel }: Props) {
  return (
    <View className='item-form'>
      {fields.map((f) => {
        const props = {
          id: `${id}-${f.key}`,
          label: f.label,
          placeholder: f.placeholder,
          value: values[f.key] ?? '',
          error: errors[f.key],
          hint: hints?.[f.key],
          onInput: (v: string) => onChange({ ...values, [f.key]: v }, f.key),
        }
        return f.time ? <DateTimeField key={f.key} {...props} /> : <Field key={f.key} {...props} maxlength={100} />
      })}
      {message && (
        <Text id={`${id}-error`} className='error-text'>
          {message}
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
