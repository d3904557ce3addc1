import { Text, View } from '@tarojs/components'
import { BigButton } from '~src/components/big-button'
import { DateTimeField } from '~src/components/date-time-field'
import { Field } from '~src/components/field'
import { SLOT_PRESETS, type SlotRow } from '~src/packages/screening/lib/programme-form'
import type { SectionProps } from './types'

type RowProps = Pick<SectionProps, 'form' | 'set'> & { s: SlotRow; i: number }

function DateRangeFields({ form, set, errors }: SectionProps) {
  return (
    <>
      <DateTimeField
        id='pf-from'
        label='首个筛查日'
        mode='date'
        placeholder='2027-03-09'
        value={form.fromDate}
        onInput={(v) => set('fromDate', v)}
        error={errors.fromDate}
      />
      <DateTimeField
        id='pf-to'
        label='最后筛查日'
        mode='date'
        placeholder='2027-03-15'
        value={form.toDate}
        onInput={(v) => set('toDate', v)}
        error={errors.toDate}
      />
    </>
  )
}

function RemoveSlotButton({ form, set, i }: Omit<RowProps, 's'>) {
  return (
    <BigButton
      id={`pf-slot-remove-${i}`}
      variant='secondary'
      onClick={() =>
        set(
          'slots',
          form.slots.filter((_s, j) => j !== i),
        )
      }
    >
      删除此场次
    </BigButton>
  )
}

function SlotItem({ form, set, s, i }: RowProps) {
  const setRow = (patch: Partial<SlotRow>) =>
    set(
      'slots',
      form.slots.map((row, j) => (j === i ? { ...row, ...patch } : row)),
    )
  return (
    <View className='sc-list-item'>
      <Field
        id={`pf-slot-start-${i}`}
        label={`场次 ${i + 1} 开始`}
        maxlength={5}
        placeholder='07:00'
        value={s.start}
        onInput={(v) => setRow({ start: v })}
      />
      <Field id={`pf-slot-end-${i}`} label='结束' maxlength={5} placeholder='09:00' value={s.end} onInput={(v) => setRow({ end: v })} />
      <Field
        id={`pf-slot-cap-${i}`}
        label='每场人数'
        type='number'
        maxlength={4}
        value={s.capacity}
        onInput={(v) => setRow({ capacity: v })}
      />
      {form.slots.length > 1 && <RemoveSlotButton form={form} set={set} i={i} />}
    </View>
  )
}

/** Sessions as "every day from … to …, these daily slots": compact for a week of early and evening sessions. */
export function SlotsEditor(props: SectionProps) {
  const { form, set, errors } = props
  const add = (start = '', end = '') => set('slots', [...form.slots, { start, end, capacity: '' }])
  return (
    <View>
      <DateRangeFields {...props} />
      <Text className='field__label'>每天的场次（北京时间）</Text>
      {form.slots.map((s, i) => (
        <SlotItem key={i} form={form} set={set} s={s} i={i} />
      ))}
      {errors.slots && (
        <Text id='pf-slots-error' className='field__error'>
          {errors.slots}
        </Text>
      )}
      {SLOT_PRESETS.map((p, i) => (
        <BigButton
          key={p.label}
          id={`pf-slot-preset-${i}`}
          variant='secondary'
          onClick={() => add(p.start, p.end)}
        >{`＋ ${p.label}`}</BigButton>
      ))}
      <BigButton id='pf-slot-add' variant='secondary' onClick={() => add()}>
        ＋ 其他时段
      </BigButton>
    </View>
  )
}
