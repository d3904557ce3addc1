import { Text, View } from '@tarojs/components'
import { Field } from '~src/components/field'
import { UnionPicker } from '~src/components/union-picker'
import { TextBox } from './text-box'
import type { SectionProps } from './types'

function ProgrammeFields({ form, set, errors }: SectionProps) {
  return (
    <>
      <Field
        id='pf-name'
        label='项目名称'
        value={form.name}
        maxlength={60}
        placeholder='新就业形态女职工免费“两癌”筛查'
        onInput={(v) => set('name', v)}
        error={errors.name}
      />
      <TextBox
        id='pf-description'
        label='项目说明'
        value={form.description}
        placeholder='筛查内容、对象、地点和场次安排'
        onInput={(v) => set('description', v)}
        error={errors.description}
      />
      <UnionPicker id='pf-unionId' value={form.unionId} onChange={(v) => set('unionId', v)} error={errors.unionId} />
      <Field
        id='pf-id'
        label='项目编号'
        value={form.id}
        maxlength={32}
        hint='小写字母、数字和“-”，创建后不可更改'
        onInput={(v) => set('id', v)}
        error={errors.id}
      />
    </>
  )
}

function NoticeFields({ form, set, errors }: SectionProps) {
  return (
    <>
      <TextBox
        id='pf-notice'
        label='个人信息告知'
        value={form.noticeText}
        maxlength={5000}
        placeholder='收集哪些信息、用于什么、谁能查看结果'
        onInput={(v) => set('noticeText', v)}
        error={errors.noticeText}
      />
      <Field
        id='pf-notice-version'
        label='告知版本号'
        value={form.noticeVersion}
        maxlength={32}
        hint='会员同意时记录此版本号'
        onInput={(v) => set('noticeVersion', v)}
        error={errors.noticeVersion}
      />
    </>
  )
}

/** Name, description, 主办单位 (a union of her subtree) and the privacy notice women consent to. */
export function BasicsSection(props: SectionProps) {
  return (
    <View className='card'>
      <Text className='card__title'>基本信息</Text>
      <ProgrammeFields {...props} />
      <NoticeFields {...props} />
    </View>
  )
}
