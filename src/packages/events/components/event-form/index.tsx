import { View } from '@tarojs/components'
import type { EventKind } from '~types/events'
import { BigButton } from '~src/components/big-button'
import { DateTimeField } from '~src/components/date-time-field'
import { Field } from '~src/components/field'
import { UnionPicker } from '~src/components/union-picker'
import type { FieldErrors } from '~src/hooks/form-errors'
import type { EventForm } from '~src/packages/events/lib/event-form'

interface Props {
  form: EventForm
  /** Changes one field (the page's form kit also clears that field's message). */
  set: <K extends keyof EventForm>(k: K, v: EventForm[K]) => void
  errors: FieldErrors<keyof EventForm>
  /** An existing event keeps its 主办单位: shown, not changed. */
  editing?: boolean
}

const TEXT_FIELDS: [keyof EventForm, string, string][] = [
  ['title', '活动名称', '跟着劳模赶大集'],
  ['description', '活动介绍', '集章换文创礼品'],
  ['venueName', '地点', '新街口德基广场一层中庭'],
  ['address', '详细地址', ''],
  ['city', '城市', '南京市'],
  ['startsAt', '开始时间（北京时间）', '2027-01-01 09:00'],
  ['endsAt', '结束时间（北京时间）', '2027-01-02 17:00'],
  ['zones', '分区（编号:名称，逗号分隔）', 'A:匠心特产集, B:巧手工艺廊'],
  ['capacity', '人数上限（不限留空）', '600'],
  ['closesAt', '报名截止（留空=活动结束时）', '2026-12-31 18:00'],
  ['cooldownSeconds', '两次集章最短间隔（秒）', '30'],
]

/** Typed or picked (NutUI's DatePicker): the times of the event and of its sign-up. */
const TIME_KEYS = new Set<keyof EventForm>(['startsAt', 'endsAt', 'closesAt'])

/** The event's own fields; booths, tiers and checkpoints are edited below it once the event exists. */
export function EventFormFields({ form, set, errors, editing = false }: Props) {
  const kindButton = (kind: EventKind, label: string) => (
    <BigButton id={`kind-${kind}`} variant={form.kind === kind ? 'primary' : 'secondary'} onClick={() => set('kind', kind)}>
      {label}
    </BigButton>
  )
  return (
    <View id='event-form' className='event-form'>
      <View className='ev-actions'>
        {kindButton('fair', '集章市集')}
        {kindButton('activity', '签到活动')}
      </View>
      <UnionPicker id='form-unionId' value={form.unionId} onChange={(v) => set('unionId', v)} error={errors.unionId} locked={editing} />
      {TEXT_FIELDS.map(([k, label, placeholder]) => {
        const props = { id: `form-${k}`, label, value: String(form[k]), placeholder, onInput: (v: string) => set(k, v), error: errors[k] }
        return TIME_KEYS.has(k) ? <DateTimeField key={k} {...props} /> : <Field key={k} {...props} maxlength={200} />
      })}
      <BigButton id='form-signup-required' variant='secondary' onClick={() => set('signUpRequired', !form.signUpRequired)}>
        {form.signUpRequired ? '☑ 需要报名（点击改为无需报名）' : '☐ 无需报名（点击改为需要报名）'}
      </BigButton>
    </View>
  )
}
