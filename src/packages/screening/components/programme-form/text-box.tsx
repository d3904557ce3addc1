import { Text, Textarea, View } from '@tarojs/components'

interface Props {
  id: string
  label: string
  value: string
  onInput: (value: string) => void
  placeholder?: string
  maxlength?: number
  error?: string
}

/** A labelled multi-line input with its error beneath, for the description and the privacy notice. */
export function TextBox({ id, label, value, onInput, placeholder, maxlength = 2000, error }: Props) {
  return (
    <View className={`field ${error ? 'field--error' : ''}`}>
      <Text className='field__label'>{label}</Text>
      <Textarea
        id={id}
        className='sc-textarea'
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        autoHeight
        onInput={(e) => onInput(e.detail.value)}
      />
      {error && <Text className='field__error'>{error}</Text>}
    </View>
  )
}
