import { Text, View } from '@tarojs/components'
import { BigButton } from '~src/components/big-button'
import { Field } from '~src/components/field'
import { plannedPlaces } from '~src/packages/screening/lib/programme-form'
import type { SectionProps } from './types'

/** One editable row per branch quota, each with its own 删除此行. */
function QuotaRows({ form, set }: SectionProps) {
  const setRow = (i: number, patch: Partial<{ branch: string; quota: string }>) =>
    set(
      'quotas',
      form.quotas.map((q, j) => (j === i ? { ...q, ...patch } : q)),
    )
  return (
    <>
      {form.quotas.map((q, i) => (
        <View key={i} className='sc-list-item'>
          <Field
            id={`pf-quota-branch-${i}`}
            label={`工会 ${i + 1}`}
            maxlength={60}
            value={q.branch}
            onInput={(v) => setRow(i, { branch: v })}
          />
          <Field id={`pf-quota-n-${i}`} label='名额' type='number' maxlength={6} value={q.quota} onInput={(v) => setRow(i, { quota: v })} />
          <BigButton
            id={`pf-quota-remove-${i}`}
            variant='secondary'
            onClick={() =>
              set(
                'quotas',
                form.quotas.filter((_q, j) => j !== i),
              )
            }
          >
            删除此行
          </BigButton>
        </View>
      ))}
    </>
  )
}

/** Total places (must match the sessions) and optional per-branch quotas, one row per branch. */
export function QuotaSection(props: SectionProps) {
  const { form, set, errors } = props
  const planned = plannedPlaces(form)
  return (
    <View className='card'>
      <Text className='card__title'>名额</Text>
      <Field
        id='pf-total'
        label='总名额'
        type='number'
        maxlength={6}
        value={form.totalQuota}
        onInput={(v) => set('totalQuota', v)}
        hint={`须等于各场次容量之和，按当前场次为 ${planned}`}
        error={errors.totalQuota}
      />
      {planned > 0 && form.totalQuota !== String(planned) && (
        <BigButton id='pf-total-fill' variant='secondary' onClick={() => set('totalQuota', String(planned))}>{`填入 ${planned}`}</BigButton>
      )}
      <Text className='field__label'>各工会名额（可选）</Text>
      <QuotaRows {...props} />
      {errors.quotas && (
        <Text id='pf-quotas-error' className='field__error'>
          {errors.quotas}
        </Text>
      )}
      <BigButton id='pf-quota-add' variant='secondary' onClick={() => set('quotas', [...form.quotas, { branch: '', quota: '' }])}>
        ＋ 添加工会名额
      </BigButton>
    </View>
  )
}
