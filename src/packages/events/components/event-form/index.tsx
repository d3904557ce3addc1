import { View } from '@tarojs/components'
import type { EventKind } from '~types/events'
import { BigButton } from '~src/components/big-button'
import { Field } from '~src/components/field'
import type { EventForm } from '~src/packages/events/lib/event-form'

interface Props {
  form: EventForm
  onChange: (f: EventForm) => void
  error: { field: keyof EventForm; message: string } | null
}

const TEXT_FIELDS: [keyof EventForm, string, string][] = [
  ['title', '活动名称', '跟着劳模赶大集'],
  ['description', '活动介绍', '集章换文创礼品'],
  ['organiser', '主办单位', '运城市总工会'],
  ['venueName', '地点', '万达广场一层中庭'],
  ['address', '详细地址', ''],
  ['city', '城市', '运城市'],
  ['startsAt', '开始时间（北京时间）', '2027-01-01 09:00'],
  ['endsAt', '结束时间（北京时间）', '2027-01-02 17:00'],
  ['zones', '分区（编号:名称，逗号分隔）', 'A:匠心特产集, B:巧手工艺廊'],
  ['capacity', '人数上限（不限留空）', '600'],
  ['closesAt', '报名截止（留空=活动结束时）', '2026-12-31 18:00'],
  ['cooldownSeconds', '两次集章最短间隔（秒）', '30'],
]

/** The event's own fields; booths, tiers and checkpoints are edited below it once the event exists. */
export function EventFormFields({ form, onChange, error }: Props) {
  const set = (k: keyof EventForm, v: string | boolean) => onChange({ ...form, [k]: v })
  const kindButton = (kind: EventKind, label: string) => (
    <BigButton id={`kind-${kind}`} variant={form.kind === kind ? 'primary' : 'secondary'} onClick={() => set('kind', kind)}>
      {label}
    </BigButton>
  )
  return (
    <View className='event-form'>
      <View className='ev-actions'>
        {kindButton('fair', '集章市集')}
        {kindButton('activity', '签到活动')}
      </View>
      {TEXT_FIELDS.map(([k, label, placeholder]) => (
        <Field
          key={k}
          id={`form-${k}`}
          label={label}
          value={String(form[k])}
          placeholder={placeholder}
          maxlength={200}
          onInput={(v) => set(k, v)}
          error={error?.field === k ? error.message : ''}
        />
      ))}
      <BigButton id='form-signup-required' variant='secondary' onClick={() => set('signUpRequired', !form.signUpRequired)}>
        {form.signUpRequired ? '☑ 需要报名（点击改为无需报名）' : '☐ 无需报名（点击改为需要报名）'}
      </BigButton>
    </View>
  )
}
