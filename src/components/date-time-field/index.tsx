import { View } from '@tarojs/components'
import DatePicker from '@nutui/nutui-react-taro/dist/es/packages/datepicker'
import '@nutui/nutui-react-taro/dist/es/packages/datepicker/style/css'
import { useState } from 'react'
import { formatBeijingInput } from '~src/utils/datetime'
import { type WallClockMode, wallClockDate, wallClockText } from './wall-clock'
import { Field } from '../field'
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

/** The next whole hour on Beijing's clock (the forms' clock), whatever zone the device is set to. */
function nextHour(): Date {
  const hour = 3_600_000
  return wallClockDate(formatBeijingInput(Math.ceil(Date.now() / hour) * hour), new Date())
}

const YEAR = 365 * 24 * 3600_000

interface Frame {
  at: Date
  from: Date
  to: Date
}

/**
 * Where the picker opens, set when she opens it and kept (never undefined: NutUI's DatePicker cannot draw
 * without its dates), so the rollers stay put while open: NutUI re-positions them whenever a Date prop is a new object.
 */
function usePickerFrame(value: string, mode: WallClockMode, opensAt?: Date) {
  const frameAt = (): Frame => {
    const now = Date.now()
    return { at: wallClockDate(value, opensAt ?? nextHour(), mode), from: new Date(now - YEAR), to: new Date(now + 3 * YEAR) }
  }
  const [frame, setFrame] = useState<Frame>(frameAt)
  const [open, setOpen] = useState(false)
  const openPicker = () => {
    setFrame(frameAt())
    setOpen(true)
  }
  return { frame, open, openPicker, close: () => setOpen(false) }
}

/**
 * A date-time field: typing stays (an officer at a keyboard is fastest typing "2027-08-19 19:00"),
 * and 选择 opens NutUI's DatePicker so on a phone nobody has to type a date at all. The picker
 * writes the same text a typist would, so every form keeps one value and one set of checks.
 */
export function DateTimeField({ id, label, value, onInput, error, hint, placeholder, mode = 'datetime', opensAt }: Props) {
  const { frame, open, openPicker, close } = usePickerFrame(value, mode, opensAt)
  const pick = (
    <View id={`${id}-pick`} className='date-time-field__pick' hoverClass='date-time-field__pick--pressed' onClick={openPicker}>
      选择
    </View>
  )
  return (
    <Field
      id={id}
      label={label}
      value={value}
      onInput={onInput}
      maxlength={16}
      placeholder={placeholder ?? (mode === 'date' ? '如 2027-08-19' : '如 2027-08-19 19:00')}
      error={error}
      hint={hint}
      aside={pick}
    >
      <DatePicker
        className='date-time-field__picker'
        title={label}
        type={mode}
        showChinese
        minuteStep={5}
        visible={open}
        value={frame.at}
        startDate={frame.from}
        endDate={frame.to}
        onClose={close}
        onConfirm={(_, values) => onInput(wallClockText(pickedDate(values), mode))}
      />
    </Field>
  )
}

/** The picker's columns, in order year, month, day, hour, minute. */
function pickedDate(values: readonly unknown[]): Date {
  const [y, mo, d, h = 0, mi = 0] = values.map(Number)
  return new Date(y, mo - 1, d, h, mi)
}
