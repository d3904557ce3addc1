import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { BigButton } from '~src/components/big-button'
import { Field } from '~src/components/field'
import { PageFrame } from '~src/components/page-frame'
import { Refusal, useAction } from '~src/hooks/use-action'
import { useParams } from '~src/hooks/use-params'
import { call } from '~src/services/api'
import { formOf, NUMBER_FIELDS, requestOf, TIME_FIELDS, type MixerForm } from '~src/packages/matchmaking/lib/mixer-form'
import '~src/packages/matchmaking/styles.css'

const LABELS: Record<Exclude<keyof MixerForm, 'review'>, string> = {
  title: '活动名称',
  programme: '所属年度计划',
  organiser: '主办单位',
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

type Problem = { field: string; message: string }

/** The form (loaded when editing) and its save, which names the first field the form's own checks refuse. */
function useMixerForm(id: string) {
  const [form, setForm] = useState<MixerForm>(() => formOf(null, Date.now()))
  const [bad, setBad] = useState<Problem | null>(null)
  useEffect(() => {
    if (!id) return
    void call('matchmaking', 'getMixer', { mixerId: id }).then(
      (c) => setForm(formOf(c.mixer, Date.now())),
      () => undefined,
    )
  }, [id])
  const save = useAction(async () => {
    const r = requestOf(form, id || undefined)
    if (!('request' in r)) {
      setBad(r)
      Taro.pageScrollTo({ selector: `#mx-${r.field}`, duration: 200 })
      throw new Refusal(`${LABELS[r.field as keyof typeof LABELS] ?? ''}：${r.message}`)
    }
    setBad(null)
    await call('matchmaking', 'saveMixer', r.request, { loadingText: '正在保存' })
    Taro.showToast({ title: '已保存', icon: 'success' })
  })
  return { form, setForm, bad, save }
}

function ReviewChoice({ form, setForm }: { form: MixerForm; setForm: (f: MixerForm) => void }) {
  const chip = (review: MixerForm['review'], text: string) => (
    <View
      id={`review-${review}`}
      className={`mx-chip ${form.review === review ? 'mx-chip--on' : ''}`}
      onClick={() => setForm({ ...form, review })}
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
  const { form, setForm, bad, save } = useMixerForm(id)
  const field = (k: Exclude<keyof MixerForm, 'review'>, type: 'text' | 'number' = 'text') => (
    <Field
      key={k}
      id={`mx-${k}`}
      label={LABELS[k]}
      value={form[k]}
      onInput={(v: string) => setForm({ ...form, [k]: v })}
      type={type}
      maxlength={k === 'description' ? 500 : 80}
      error={bad?.field === k ? bad.message : undefined}
    />
  )
  return (
    <PageFrame className='matchmaking'>
      <View className='card'>
        <Text className='card__title'>{id ? '编辑联谊活动' : '新建联谊活动'}</Text>
        {(['title', 'programme', 'organiser', 'coOrganisers', 'venue', 'description'] as const).map((k) => field(k))}
        {TIME_FIELDS.map((k) => field(k))}
        {NUMBER_FIELDS.map((k) => field(k, 'number'))}
        <ReviewChoice form={form} setForm={setForm} />
        {save.error && (
          <Text id='edit-error' className='error-text'>
            {save.error}
          </Text>
        )}
        <BigButton id='save-mixer' loading={save.busy} onClick={() => void save.run()}>
          保存
        </BigButton>
      </View>
    </PageFrame>
  )
}
