import { Text, View } from '@tarojs/components'
import { Field } from '~src/components/field'
import { TAG_CHOICES } from '~src/packages/screening/lib/programme-form'
import { Segment } from '../segment'
import { CheckRow } from './check-row'
import type { SectionProps } from './types'

function AgeFields({ form, set, errors }: SectionProps) {
  return (
    <>
      <Field
        id='pf-age-min'
        label='最低年龄（筛查当日，不限留空）'
        type='number'
        maxlength={3}
        value={form.ageMin}
        onInput={(v) => set('ageMin', v)}
        error={errors.ageMin}
      />
      <Field
        id='pf-age-max'
        label='最高年龄（筛查当日，不限留空）'
        type='number'
        maxlength={3}
        value={form.ageMax}
        onInput={(v) => set('ageMax', v)}
        error={errors.ageMax}
      />
    </>
  )
}

function TagFields({ form, set, errors }: SectionProps) {
  const toggleTag = (tag: string, on: boolean) => set('tags', on ? [...form.tags, tag] : form.tags.filter((t) => t !== tag))
  return (
    <>
      <Text className='field__label'>会员标签（符合任一即可，都不选为不限）</Text>
      {TAG_CHOICES.map((tag) => (
        <CheckRow
          key={tag}
          id={`pf-tag-${TAG_CHOICES.indexOf(tag)}`}
          checked={form.tags.includes(tag)}
          onChange={(on) => toggleTag(tag, on)}
        >
          {tag}
        </CheckRow>
      ))}
      <Field
        id='pf-tags-other'
        label='其他标签（逗号分隔）'
        maxlength={200}
        value={form.tagsOther}
        onInput={(v) => set('tagsOther', v)}
        error={errors.tagsOther}
      />
    </>
  )
}

/** Who may book: gender, age on the screening day, roster tags, branches, first-time only. */
export function EligibilitySection(props: SectionProps) {
  const { form, set, errors } = props
  return (
    <View className='card'>
      <Text className='card__title'>参加条件</Text>
      <Text className='field__label'>性别</Text>
      <Segment
        idPrefix='pf-gender'
        value={form.gender}
        onChange={(g) => set('gender', g)}
        options={[
          { key: 'F', label: '仅限女职工' },
          { key: 'any', label: '不限' },
        ]}
      />
      <AgeFields {...props} />
      <TagFields {...props} />
      <Field
        id='pf-branches'
        label='限定工会（逗号分隔，不限留空）'
        maxlength={2000}
        value={form.branches}
        placeholder='美团外卖骑手联合工会，家政服务业工会'
        onInput={(v) => set('branches', v)}
        error={errors.branches}
      />
      <CheckRow id='pf-first-time' checked={form.notScreenedBefore} onChange={(on) => set('notScreenedBefore', on)}>
        本项目已筛查过的不能再约
      </CheckRow>
    </View>
  )
}
