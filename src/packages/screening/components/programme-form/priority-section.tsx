import { Text, View } from '@tarojs/components'
import { Field } from '~src/components/field'
import { CheckRow } from './check-row'
import type { SectionProps } from './types'

function PriorityAgeFields({ form, set, errors }: SectionProps) {
  return (
    <>
      <Field
        id='pf-p-age-min'
        label='优先最低年龄（不限留空）'
        type='number'
        maxlength={3}
        value={form.priorityAgeMin}
        onInput={(v) => set('priorityAgeMin', v)}
        error={errors.priorityAgeMin}
      />
      <Field
        id='pf-p-age-max'
        label='优先最高年龄（不限留空）'
        type='number'
        maxlength={3}
        value={form.priorityAgeMax}
        onInput={(v) => set('priorityAgeMax', v)}
        error={errors.priorityAgeMax}
      />
    </>
  )
}

function PriorityFields(props: SectionProps) {
  const { form, set, errors } = props
  return (
    <View>
      <PriorityAgeFields {...props} />
      <Field
        id='pf-p-years'
        label='几年内未筛查者优先（不限留空）'
        type='number'
        maxlength={2}
        value={form.priorityYears}
        onInput={(v) => set('priorityYears', v)}
        error={errors.priorityYears}
      />
      <Field
        id='pf-p-window'
        label='放号后仅优先人群可约的分钟数'
        type='number'
        maxlength={4}
        value={form.priorityWindow}
        hint='0 表示不设优先时段'
        onInput={(v) => set('priorityWindow', v)}
        error={errors.priorityWindow}
      />
    </View>
  )
}

/** Optional priority: for the first minutes after release only women matching these rules may book. */
export function PrioritySection(props: SectionProps) {
  const { form, set } = props
  return (
    <View className='card'>
      <Text className='card__title'>优先规则（可选）</Text>
      <CheckRow id='pf-priority' checked={form.priorityOn} onChange={(on) => set('priorityOn', on)}>
        设置优先预约
      </CheckRow>
      {form.priorityOn && <PriorityFields {...props} />}
    </View>
  )
}
