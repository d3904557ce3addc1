import { Input, Text, View } from '@tarojs/components'
import DatePicker from '@nutui/nutui-react-taro/dist/es/packages/datepicker'
import '@nutui/nutui-react-taro/dist/es/packages/datepicker/style/css'
import { useState } from 'react'
import { type WallClockMode, wallClockDate, wallClockText } from './wall-clock'
import '../field/index.css'
import './index.css'

interface Props {
  id: string
  label: string
  /** Beijing wall-clock text, "2027-08-19 19:00", as the form's checks and the server expect. */
  value: string
  onInput: (value: string) => void
  error?: string
  hint?: string
  placeholder?: string
  /** A moment (default) or a calendar day ("2027-08-19"). */
  mode?: WallClockMode
  /** Where the picker opens when the field is empty; defaults to the next whole hour. */
  opensAt?: Date
}

function nextHour(): Date {
  const d = new Date()
  d.setHours(d.getHours() + 1, 0, 0, 0)
  return d
}

const YEAR = 365 * 24 * 3600_000

/**
 * A date-time field: typing stays (an officer at a keyboard is fastest typing "2027-08-19 19:00"),
 * and 选择 opens NutUI's DatePicker so on a phone nobody has to type a date at all. The picker
 * writes the same text a typist would, so every form keeps one value and one set of checks.
 */
export function DateTimeField({ id, label, value, onInput, error, hint, placeholder, mode = 'datetime', opensAt }: Props) {
  const [open, setOpen] = useState(false)
  const now = Date.now()
  return (
    <View className={`field ${error ? 'field--error' : ''}`}>
      <Text className='field__label'>{label}</Text>
      <View className='date-time-field__row'>
        <Input
          id={id}
          className='field__input date-time-field__input'
          value={value}
          maxlength={16}
          placeholder={placeholder ?? (mode === 'date' ? '如 2027-08-19' : '如 2027-08-19 19:00')}
          onInput={(e) => onInput(e.detail.value)}
        />
        <View id={`${id}-pick`} className='date-time-field__pick' hoverClass='date-time-field__pick--pressed' onClick={() => setOpen(true)}>
          选择
        </View>
      </View>
      {error ? <Text className='field__error'>{error}</Text> : hint ? <Text className='field__hint'>{hint}</Text> : null}
      <DatePicker
        className='date-time-field__picker'
        title={label}
        type={mode}
        showChinese
        minuteStep={5}
        visible={open}
        value={wallClockDate(value, opensAt ?? nextHour(), mode)}
        startDate={new Date(now - YEAR)}
        endDate={new Date(now + 3 * YEAR)}
        onClose={() => setOpen(false)}
        onConfirm={(_, values) => onInput(wallClockText(pickedDate(values), mode))}
      />
    </View>
  )
}

/** The picker's columns, in order year, month, day, hour, minute. */
function pickedDate(values: readonly unknown[]): Date {
  const [y, mo, d, h = 0, mi = 0] = values.map(Number)
  return new Date(y, mo - 1, d, h, mi)
}
