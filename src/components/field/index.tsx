import { Input, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.css'

interface Props {
  id: string
  label: string
  value: string
  onInput: (value: string) => void
  placeholder?: string
  type?: 'text' | 'number' | 'idcard'
  maxlength?: number
  error?: string
  hint?: string
  /** Beside the input, in its row: a button that fills it another way (DateTimeField's 选择). */
  aside?: ReactNode
  /** After the field: what `aside` opens (a picker). */
  children?: ReactNode
}

/** A labelled input with its error right beneath it, so a member sees what to fix where they typed it. */
export function Field({ id, label, value, onInput, placeholder, type = 'text', maxlength = 40, error, hint, aside, children }: Props) {
  const input = (
    <Input
      id={id}
      className='field__input'
      value={value}
      type={type}
      maxlength={maxlength}
      placeholder={placeholder}
      onInput={(e) => onInput(e.detail.value)}
    />
  )
  return (
    <View className={`field ${error ? 'field--error' : ''}`}>
      <Text className='field__label'>{label}</Text>
      {aside ? (
        <View className='field__row'>
          {input}
          {aside}
        </View>
      ) : (
        input
      )}
      {error ? <Text className='field__error'>{error}</Text> : hint ? <Text className='field__hint'>{hint}</Text> : null}
      {children}
    </View>
  )
}

/**
 * The message of a field that is not a text input (a choice of chips, a list, a
 * file): shown where that field is, in the look of Field's own, so the form
 * kit's scroll to the first error (src/utils/scroll-to.ts) finds it too.
 */
export function FieldError({ id, message }: { id?: string; message?: string }) {
  return message ? (
    <Text id={id} className='field__error'>
      {message}
    </Text>
  ) : null
}
