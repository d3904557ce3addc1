import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { ProgrammeDTO } from '~types/screening'
import { routeUrl } from '~types/routes'
import { BigButton } from '~src/components/big-button'
import { PageFrame } from '~src/components/page-frame'
import { useAction } from '~src/hooks/use-action'
import { ApiError, call, messageOf } from '~src/services/api'
import { scrollToFirstError } from '~src/utils/scroll-to'
import { ProgrammeFormFields, type SectionProps } from '~src/packages/screening/components/programme-form'
import { emptyForm, toRequest, type FormErrors, type ProgrammeForm } from '~src/packages/screening/lib/programme-form'
import { serverFieldError } from '~src/packages/screening/lib/programme-form-errors'
import '~src/packages/screening/styles.css'

const suffix = (): string => Math.random().toString(36).slice(2, 6).padEnd(4, '0')

/** The form, its errors by field and above the button, and the create action that fills them. */
function useProgrammeEdit() {
  const [form, setForm] = useState<ProgrammeForm>(() => emptyForm(Date.now(), suffix()))
  const [errors, setErrors] = useState<FormErrors>({})
  const [topError, setTopError] = useState('')
  const [created, setCreated] = useState<ProgrammeDTO | null>(null)
  const set: SectionProps['set'] = (key, value) => {
    setForm((f) => ({ ...f, [key]: value }))
    setErrors((e) => ({ ...e, [key]: undefined }))
  }

  const create = useAction(async () => {
    setTopError('')
    const r = toRequest(form)
    if (!r.ok) {
      setErrors(r.errors)
      setTopError(`还有 ${Object.keys(r.errors).length} 处需要修改，已跳到第一处`)
      return scrollToFirstError()
    }
    setErrors({})
    try {
      setCreated(await call('screening', 'createProgramme', r.request, { loadingText: '正在创建' }))
      Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
    } catch (err) {
      const onField = err instanceof ApiError ? serverFieldError(err.code, err.field, err.message) : null
      if (onField) setErrors({ [onField.key]: onField.message })
      setTopError(onField ? `${messageOf(err)}（已跳到标红的项目）` : messageOf(err))
      if (onField) scrollToFirstError()
    }
  })
  return { form, set, errors, topError, created, create }
}

/** Done: what was created, and the way on to its dashboard or to the page members see. */
function Created({ created }: { created: ProgrammeDTO }) {
  return (
    <PageFrame>
      <Text className='sc-title'>已创建筛查项目</Text>
      <View id='pf-created' className='card'>
        <Text className='card__title'>{created.name}</Text>
        <Text className='sc-sub'>{`共 ${created.totalQuota} 个名额，${created.firstDay} 至 ${created.lastDay}`}</Text>
      </View>
      <BigButton id='pf-to-admin' onClick={() => Taro.redirectTo({ url: routeUrl('screeningAdmin', { id: created.id }) })}>
        去项目看板
      </BigButton>
      <BigButton
        id='pf-to-programme'
        variant='secondary'
        onClick={() => Taro.navigateTo({ url: routeUrl('screeningProgramme', { id: created.id }) })}
      >
        查看会员看到的页面
      </BigButton>
    </PageFrame>
  )
}

/**
 * Officers: plan a new screening round; the server checks it again and answers per field. A long form:
 * a refusal scrolls to its first marked field.
 */
export default function ProgrammeEditPage() {
  const { form, set, errors, topError, created, create } = useProgrammeEdit()
  if (created) return <Created created={created} />
  return (
    <PageFrame>
      <Text className='sc-title'>新建筛查项目</Text>
      <ProgrammeFormFields form={form} set={set} errors={errors} />
      {topError && (
        <Text id='pf-error' className='error-text'>
          {topError}
        </Text>
      )}
      {create.error && <Text className='error-text'>{create.error}</Text>}
      <BigButton id='pf-submit' loading={create.busy} onClick={() => void create.run()}>
        创建项目
      </BigButton>
    </PageFrame>
  )
}
