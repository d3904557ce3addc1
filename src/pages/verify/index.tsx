import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { PageFrame } from '~src/components/page-frame'
import { BackLink } from '~src/components/back-link'
import { BigButton } from '~src/components/big-button'
import { Field } from '~src/components/field'
import { NoticeBanner } from '~src/components/notice-banner'
import { call } from '~src/services/api'
import { cachedMe, rememberMe } from '~src/services/me-store'
import { useAction } from '~src/hooks/use-action'
import { sameNames } from '~src/hooks/form-errors'
import { useFormErrors, type FormErrors } from '~src/hooks/use-form-errors'
import { useParams } from '~src/hooks/use-params'
import { appPagePath, routeUrl } from '~types/routes'
import { PhoneVerify } from './phone-verify'
import { toVerifyRequest, validateVerifyForm, type VerifyBy, type VerifyErrors, type VerifyForm } from './verify-form'
import { notify } from '~src/services/notify'
import './index.css'

type Key = keyof VerifyErrors
const FIELDS: Key[] = ['name', 'cardNo', 'phone']

type Update = (patch: Partial<VerifyForm>) => void

/** Verified: back to the page that sent her here (a code she scanned is waiting there), else the hall. */
function verified(backParam: string) {
  notify('认证成功')
  const back = appPagePath(backParam)
  Taro.reLaunch({ url: back ? `/${back}` : routeUrl('home') })
}

/** Checks the form, sends it, and puts a refusal about one field under that field (the form kit); anything else under the button. */
function useVerifySubmit(form: VerifyForm, errors: FormErrors<Key>, done: () => void) {
  return useAction(async () => {
    if (!errors.check(validateVerifyForm(form))) return
    try {
      rememberMe(await call('member', 'verify', toVerifyRequest(form), { loadingText: '正在认证' }))
    } catch (err) {
      if (errors.place(err)) return
      throw err
    }
    done()
  })
}

/** Her card number or her phone: one of the two identifies her record. */
function IdentifierField({ form, errors, update }: { form: VerifyForm; errors: FormErrors<Key>; update: Update }) {
  const byTab = (by: VerifyBy, label: string) => (
    <View id={`verify-by-${by}`} className={`verify__tab ${form.by === by ? 'verify__tab--on' : ''}`} onClick={() => update({ by })}>
      {label}
    </View>
  )
  const card = {
    id: 'verify-card',
    label: '会员证号',
    value: form.cardNo,
    placeholder: '如 GH3201000123',
    maxlength: 32,
    error: errors.of('cardNo'),
  }
  const phone = {
    id: 'verify-phone',
    label: '手机号',
    value: form.phone,
    placeholder: '在工会登记的手机号',
    maxlength: 11,
    error: errors.of('phone'),
  }
  return (
    <>
      <View className='verify__tabs'>
        {byTab('cardNo', '用会员证号')}
        {byTab('phone', '用手机号')}
      </View>
      {form.by === 'cardNo' ? (
        <Field {...card} onInput={(cardNo) => update({ cardNo })} hint='会员证号印在工会会员卡正面' />
      ) : (
        <Field {...phone} onInput={(phone) => update({ phone })} type='number' />
      )}
    </>
  )
}

function SubmitRow({ submit }: { submit: ReturnType<typeof useVerifySubmit> }) {
  return (
    <View>
      {submit.error && (
        <Text id='verify-error' className='error-text'>
          {submit.error}
        </Text>
      )}
      <BigButton id='verify-submit' loading={submit.busy} onClick={() => void submit.run()}>
        提交认证
      </BigButton>
    </View>
  )
}

export default function Verify() {
  const [form, setForm] = useState<VerifyForm>({ name: '', by: 'cardNo', cardNo: '', phone: '' })
  const errors = useFormErrors<Key>({ fieldOf: sameNames(FIELDS) })
  const update: Update = (patch) => {
    setForm((f) => ({ ...f, ...patch }))
    for (const k of Object.keys(patch)) if (FIELDS.includes(k as Key)) errors.changed(k as Key)
  }
  const { back } = useParams()
  const done = () => verified(back)
  const submit = useVerifySubmit(form, errors, done)

  if (cachedMe()?.verified) {
    return (
      <View className='page'>
        <NoticeBanner tone='ok' text='您已完成会员认证' />
        <BackLink />
      </View>
    )
  }
  return (
    <PageFrame className='verify'>
      <Text className='verify__title'>会员认证</Text>
      <PhoneVerify onVerified={done} />
      <Text className='muted'>请填写与工会会员名册一致的信息。认证后即可使用各项会员服务。</Text>
      <Field
        id='verify-name'
        label='姓名'
        value={form.name}
        onInput={(name) => update({ name })}
        placeholder='请输入真实姓名'
        maxlength={20}
        error={errors.of('name')}
      />
      <IdentifierField form={form} errors={errors} update={update} />
      <SubmitRow submit={submit} />
      <BackLink />
    </PageFrame>
  )
}
