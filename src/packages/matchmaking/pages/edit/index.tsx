import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { BigButton } from '../../../../components/big-button'
import { Field } from '../../../../components/field'
import { PageFrame } from '../../../../components/page-frame'
import { Refusal, useAction } from '../../../../hooks/use-action'
import { useParams } from '../../../../hooks/use-params'
import { call } from '../../../../services/api'
import { formOf, NUMBER_FIELDS, requestOf, TIME_FIELDS, type MixerForm } from '../../lib/mixer-form'
import '../../styles.css'

const LABELS: Record<Exclude<keyof MixerForm, 'review'>, string> = {
  title: '活动名称', programme: '所属年度计划', organiser: '主办单位', coOrganisers: '协办单位（用顿号分隔）', venue: '地点', description: '活动介绍',
  startsAt: '开始时间', endsAt: '结束时间', signupOpensAt: '报名开始', signupClosesAt: '报名截止', pickOpensAt: '心动选择开始（签到同时关闭）', pickClosesAt: '心动选择截止（公布结果）',
  placesM: '男性名额', placesF: '女性名额', ageMin: '最小年龄', ageMax: '最大年龄', k: '每人可选人数 K', retentionDays: '个人数据保留天数', offerHoldMinutes: '候补名额保留（分钟）',
}

/** Officers create or edit a mixer; the form checks what the server checks and names the field. */
export default function EditPage() {
  const { id = '' } = useParams()
  const [form, setForm] = useState<MixerForm>(() => formOf(null, Date.now()))
  const [bad, setBad] = useState<{ field: string; message: string } | null>(null)
  useEffect(() => {
    if (id) void call('matchmaking', 'getMixer', { mixerId: id }).then((c) => setForm(formOf(c.mixer, Date.now())), () => undefined)
  }, [id])
  const set = (k: keyof MixerForm) => (v: string) => setForm({ ...form, [k]: v })
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
  const field = (k: Exclude<keyof MixerForm, 'review'>, type: 'text' | 'number' = 'text') => (
    <Field key={k} id={`mx-${k}`} label={LABELS[k]} value={form[k]} onInput={set(k)} type={type} maxlength={k === 'description' ? 500 : 80} error={bad?.field === k ? bad.message : undefined} />
  )
  return (
    <PageFrame className='matchmaking'>
      <View className='card'>
        <Text className='card__title'>{id ? '编辑联谊活动' : '新建联谊活动'}</Text>
        {(['title', 'programme', 'organiser', 'coOrganisers', 'venue', 'description'] as const).map((k) => field(k))}
        {TIME_FIELDS.map((k) => field(k))}
        {NUMBER_FIELDS.map((k) => field(k, 'number'))}
        <Text className='mx-text'>报名审核</Text>
        <View className='mx-chips'>
          <View id='review-officer' className={`mx-chip ${form.review === 'officer' ? 'mx-chip--on' : ''}`} onClick={() => setForm({ ...form, review: 'officer' })}>工会审核</View>
          <View id='review-auto' className={`mx-chip ${form.review === 'auto' ? 'mx-chip--on' : ''}`} onClick={() => setForm({ ...form, review: 'auto' })}>报名即通过</View>
        </View>
        {save.error && <Text id='edit-error' className='error-text'>{save.error}</Text>}
        <BigButton id='save-mixer' loading={save.busy} onClick={() => void save.run()}>保存</BigButton>
      </View>
    </PageFrame>
  )
}
