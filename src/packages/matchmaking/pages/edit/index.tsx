import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { BigButton } from '~src/components/big-button'
import { DateTimeField } from '~src/components/date-time-field'
import { Field } from '~src/components/field'
import { PageFrame } from '~src/components/page-frame'
import { UnionPicker } from '~src/components/union-picker'
import { sameNames, type FieldErrors } from '~src/hooks/form-errors'
import { useAction } from '~src/hooks/use-action'
import { useFormErrors } from '~src/hooks/use-form-errors'
import { useParams } from '~src/hooks/use-params'
import { call } from '~src/services/api'
import { formOf, NUMBER_FIELDS, requestOf, TIME_FIELDS, type MixerForm } from '~src/packages/matchmaking/lib/mixer-form'
import { notify } from '~src/services/notify'
import '~src/packages/matchmaking/styles.css'

const LABELS: Record<Exclude<keyof MixerForm, 'review'>, string> = {
  title: '活动名称',
  programme: '所属年度计划',
  unionId: '主办单位',
  coOrganisers: '协办单位（用顿号分隔）',
  venue: '地点',
  description: '活动介绍',
  startsAt: '开始时间',
  endsAt: '结束时间',
  signupOpensAt: '报名开始',
  signupClosesAt: '报名截止',
  pickOpensAt: '心动选择开始（签到同时关闭）',
  pickClosesAt: '心动选择截止（公布结果）',
  placesM: '男性名额',
  placesF: '女性名额',
  ageMin: '最小年龄',
  ageMax: '最大年龄',
  k: '每人可选人数 K',
  retentionDays: '个人数据保留天数',
  offerHoldMinutes: '候补名额保留（分钟）',
}

type Key = Exclude<keyof MixerForm, 'review'>

/** The times are checked as an order (types/mixer-times.ts): moving any of them may settle a message about another. */
const LINKED: Partial<Record<Key, Key[]>> = {
  ...Object.fromEntries(TIME_FIELDS.map((k) => [k, TIME_FIELDS.filter((other) => other !== k)])),
  ageMin: ['ageMax'],
}

/** The form (loaded when editing) and its save; the form kit marks the field its checks (or the server) refuse. */
function useMixerForm(id: string) {
  const [form, setForm] = useState<MixerForm>(() => formOf(null, Date.now()))
  const errors = useFormErrors<Key>({ linked: LINKED, fieldOf: sameNames(Object.keys(LABELS) as Key[]) })
  useEffect(() => {
    if (!id) return
    void call('matchmaking', 'getMixer', { mixerId: id }).then(
      (c) => setForm(formOf(c.mixer, Date.now())),
      () => undefined,
    )
  }, [id])
  const set = (k: keyof MixerForm, v: string) => {
    setForm((f) => ({ ...f, [k]: v }))
    if (k !== 'review') errors.changed(k)
  }
  const save = useAction(async () => {
    const r = requestOf(form, id || undefined)
    if (!errors.check('request' in r ? {} : { [r.field]: r.message }) || !('request' in r)) return
    try {
      await call('matchmaking', 'saveMixer', r.request, { loadingText: '正在保存' })
    } catch (err) {
      if (!errors.place(err)) throw err
      return
    }
    notify('已保存')
  })
  return { form, set, errors, save }
}

/** Above the button, the first field to fix with its name: the button is where she looks after tapping it. */
function firstProblem(errors: FieldErrors<Key>): string {
  const k = (Object.keys(LABELS) as Key[]).find((key) => errors[key])
  return k ? `${LABELS[k]}：${errors[k]}` : ''
}

function ReviewChoice({ form, set }: { form: MixerForm; set: (k: 'review', v: MixerForm['review']) => void }) {
  const chip = (review: MixerForm['review'], text: string) => (
    <View
      id={`review-${review}`}
      className={`mx-chip ${form.review === review ? 'mx-chip--on' : ''}`}
      onClick={() => set('review', review)}
    >
      {text}
    </View>
  )
  return (
    <View>
      <Text className='mx-text'>报名审核</Text>
      <View className='mx-chips'>
        {chip('officer', '工会审核')}
        {chip('auto', '报名即通过')}
      </View>
    </View>
  )
}

/** Officers create or edit a mixer; the form checks what the server checks and names the field. */
export default function EditPage() {
  const { id = '' } = useParams()
  const { form, set, errors, save } = useMixerForm(id)
  const problem = firstProblem(errors.errors) || save.error
  const field = (k: Exclude<keyof MixerForm, 'review'>, type: 'text' | 'number' = 'text') => (
    <Field
      key={k}
      id={`mx-${k}`}
      label={LABELS[k]}
      value={form[k]}
      onInput={(v: string) => set(k, v)}
      type={type}
      maxlength={k === 'description' ? 500 : 80}
      error={errors.of(k)}
    />
  )
  return (
    <PageFrame className='matchmaking'>
      <View className='card'>
        <Text className='card__title'>{id ? '编辑联谊活动' : '新建联谊活动'}</Text>
        {(['title', 'programme'] as const).map((k) => field(k))}
        <UnionPicker id='mx-unionId' value={form.unionId} onChange={(v) => set('unionId', v)} locked={!!id} error={errors.of('unionId')} />
        {(['coOrganisers', 'venue', 'description'] as const).map((k) => field(k))}
        {TIME_FIELDS.map((k) => (
          <DateTimeField key={k} id={`mx-${k}`} label={LABELS[k]} value={form[k]} onInput={(v) => set(k, v)} error={errors.of(k)} />
        ))}
        {NUMBER_FIELDS.map((k) => field(k, 'number'))}
        <ReviewChoice form={form} set={set} />
        {problem && (
          <Text id='edit-error' className='error-text'>
            {problem}
          </Text>
        )}
        <BigButton id='save-mixer' loading={save.busy} onClick={() => void save.run()}>
          保存
        </BigButton>
      </View>
    </PageFrame>
  )
}
