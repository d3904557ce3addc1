import { DatePicker, Radio } from 'tdesign-react'
import type { Period } from '~types/vouchers'
import { formatShanghai } from '~src/utils/datetime'
import { PERIODS } from './statement-view'

export const today = () => formatShanghai(Date.now(), 'YYYY-MM-DD')

interface Props {
  period: Period
  date: string
  onChange: (next: { period: Period; date: string }) => void
}

/** Which statement: 按日/周/月 and a day in it (Beijing). Officers' and managers' statements pick alike. */
export function PeriodPicker({ period, date, onChange }: Props) {
  return (
    <>
      <Radio.Group value={period} onChange={(v) => onChange({ period: v as Period, date })}>
        {(Object.keys(PERIODS) as Period[]).map((p) => (
          <Radio.Button key={p} value={p}>
            按{PERIODS[p]}
          </Radio.Button>
        ))}
      </Radio.Group>
      <DatePicker
        className='statement-date'
        value={date}
        format='YYYY-MM-DD'
        valueType='YYYY-MM-DD'
        allowInput
        clearable={false}
        onChange={(v) => onChange({ period, date: String(v) || today() })}
      />
    </>
  )
}
