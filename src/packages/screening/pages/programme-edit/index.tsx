import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { ProgrammeDTO } from '~types/screening'
import { routeUrl } from '~types/routes'
import { BigButton } from '~src/components/big-button'
import { PageFrame } from '~src/components/page-frame'
import { useAction } from '~src/hooks/use-action'
import { useFormErrors } from '~src/hooks/use-form-errors'
import { call } from '~src/services/api'
import { ProgrammeFormFields, type SectionProps } from '~src/packages/screening/components/programme-form'
import { emptyForm, toRequest, type FormKey, type ProgrammeForm } from '~src/packages/screening/lib/programme-form'
import { serverFieldError } from '~src/packages/screening/lib/programme-form-errors'
import '~src/packages/screening/styles.css'

const suffix = (): string => Math.random().toString(36).slice(2, 6).padEnd(4, '0')

/** Messages that compare two fields: fixing either one settles them. */
const LINKED: Partial<Record<FormKey, FormKey[]>> = {
  fromDate: ['toDate', 'totalQuota'],
  toDate: ['totalQuota'],
  slots: ['totalQuota'],
  releaseAt: ['closesAt'],
}

/** The form, its errors by field (the form kit) and the create action that fills them. */
function useProgrammeEdit() {
  const [form, setForm] = useState<ProgrammeForm>(() => emptyForm(Date.now(), suffix()))
  const errors = useFormErrors<FormKey>({
    linked: LINKED,
    fieldOf: (path, err) => serverFieldError(err.code, path, err.message),
  })
  const [created, setCreated] = useState<ProgrammeDTO | null>(null)
  const set: SectionProps['set'] = (key, value) => {
    setForm((f) => ({ ...f, [key]: value }))
    errors.changed(key)
  }

  const create = useAction(async () => {
    const r = toRequest(form)
    if (!errors.check(r.ok ? {} : r.errors) || !r.ok) return
    try {
      setCreated(await call('screening', 'createProgramme', r.request, { loadingText: '正在创建' }))
      Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
    } catch (err) {
      if (!errors.place(err)) throw err
    }
  })
  return { form, set, errors, created, create }
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
  const { form, set, errors, created, create } = useProgrammeEdit()
  if (created) return <Created created={created} />
  return (
    <PageFrame>
      <Text className='sc-title'>新建筛查项目</Text>
      <ProgrammeFormFields form={form} set={set} errors={errors.errors} />
      {errors.count > 0 && (
        <Text id='pf-error' className='error-text'>
          {`还有 ${errors.count} 处需要修改，已标红`}
        </Text>
      )}
      {create.error && <Text className='error-text'>{create.error}</Text>}
      <BigButton id='pf-submit' loading={create.busy} onClick={() => void create.run()}>
        创建项目
      </BigButton>
    </PageFrame>
  )
}
