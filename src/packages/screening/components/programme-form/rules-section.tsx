import { Text, View } from '@tarojs/components'
import { DateTimeField } from '~src/components/date-time-field'
import { Field } from '~src/components/field'
import type { SectionProps } from './types'

function BookingWindowFields({ form, set, errors }: SectionProps) {
  return (
    <>
      <DateTimeField
        id='pf-release'
        label='放号时间'
        placeholder='2027-03-08 10:00'
        value={form.releaseAt}
        hint='此时间前任何人都不能预约'
        onInput={(v) => set('releaseAt', v)}
        error={errors.releaseAt}
      />
      <DateTimeField
        id='pf-closes'
        label='预约截止时间'
        placeholder='2027-03-15 20:00'
        value={form.closesAt}
        onInput={(v) => set('closesAt', v)}
        error={errors.closesAt}
      />
    </>
  )
}

/** When booking opens and closes, until when she may cancel, how early or late she may check in. */
export function RulesSection(props: SectionProps) {
  const { form, set, errors } = props
  return (
    <View className='card'>
      <Text className='card__title'>预约规则（北京时间）</Text>
      <BookingWindowFields {...props} />
      <Field
        id='pf-cancel'
        label='场次开始前多少小时停止取消/改约'
        type='number'
        maxlength={3}
        value={form.cancelHours}
        onInput={(v) => set('cancelHours', v)}
        error={errors.cancelHours}
      />
      <Field
        id='pf-tolerance'
        label='签到宽限（分钟）'
        type='number'
        maxlength={3}
        value={form.tolerance}
        hint='场次开始前和结束后的这段时间内可签到'
        onInput={(v) => set('tolerance', v)}
        error={errors.tolerance}
      />
    </View>
  )
}
