import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { MerchantDTO } from '~types/vouchers'
import { BigButton } from '~src/components/big-button'
import { Field, FieldError } from '~src/components/field'
import { UnionPicker } from '~src/components/union-picker'
import { useAction } from '~src/hooks/use-action'
import { useFormErrors } from '~src/hooks/use-form-errors'
import { call } from '~src/services/api'
import { EMPTY_FORM, formFieldOf, toCampaignInput, type CampaignForm } from '~src/packages/vouchers/lib/campaign-form'

const KINDS: [CampaignForm['kind'], string][] = [
  ['threshold', '满减'],
  ['discount', '折扣'],
  ['fixed', '无门槛'],
]

function Choice<T extends string>({
  id,
  options,
  value,
  onPick,
}: {
  id: string
  options: [T, string][]
  value: T
  onPick: (v: T) => void
}) {
  return (
    <View className='vc-tabs'>
      {options.map(([k, label]) => (
        <View key={k} id={`${id}-${k}`} className={`vc-tab ${k === value ? 'vc-tab--on' : ''}`} onClick={() => onPick(k)}>
          {label}
        </View>
      ))}
    </View>
  )
}

type Key = keyof CampaignForm

/** Fields whose message is also about another: 折上折's covers its cap and switch; 使用天数's compares with 领取天数. */
const LINKED = { bonus: ['bonusRate'], bonusCapYuan: ['bonusRate'], claimDays: ['useDays'] } as const

/** What the form's parts share: the values as typed, their setters, and the message for a field to fix. */
interface FormBits {
  f: CampaignForm
  /** Changes the fields in `patch`; the messages about them go (the form kit). */
  patch: (patch: Partial<CampaignForm>) => void
  set: (k: Key) => (v: string) => void
  err: (k: Key) => string | undefined
}

/** The form's values and its save; the field to fix is marked where it is, and the page scrolls to it. */
function useCampaignForm(onDone: () => void) {
  const [f, setF] = useState<CampaignForm>(EMPTY_FORM)
  const errors = useFormErrors<Key>({ fieldOf: formFieldOf, scope: 'campaign-form', linked: LINKED })
  const patch = (p: Partial<CampaignForm>) => {
    setF((old) => ({ ...old, ...p }))
    for (const k of Object.keys(p) as Key[]) errors.changed(k)
  }
  const save = useAction(async () => {
    const r = toCampaignInput(f, Date.now())
    if (!errors.check(r.ok ? {} : { [r.field]: r.message }) || !r.ok) return
    try {
      await call('vouchers', 'createCampaign', r.input, { loadingText: '正在创建' })
    } catch (err) {
      if (errors.place(err)) return
      throw err
    }
    onDone()
  })
  const bits: FormBits = { f, patch, set: (k) => (v) => patch({ [k]: v }), err: errors.of }
  return { bits, save }
}

function RuleFields({ f, patch, set, err }: FormBits) {
  return (
    <>
      <Choice id='cf-kind' options={KINDS} value={f.kind} onPick={(kind) => patch({ kind })} />
      {f.kind === 'threshold' && (
        <Field id='cf-threshold' label='满（元）' value={f.thresholdYuan} onInput={set('thresholdYuan')} error={err('thresholdYuan')} />
      )}
      {f.kind !== 'discount' && (
        <Field id='cf-amount' label='减（元）' value={f.amountYuan} onInput={set('amountYuan')} error={err('amountYuan')} />
      )}
      {f.kind === 'discount' && (
        <Field id='cf-rate' label='折扣（95 即 95折）' value={f.ratePercent} onInput={set('ratePercent')} error={err('ratePercent')} />
      )}
      {f.kind === 'discount' && (
        <Field id='cf-cap' label='每次最多优惠（元）' value={f.capYuan} onInput={set('capYuan')} error={err('capYuan')} />
      )}
    </>
  )
}

function LimitFields({ f, patch, set, err }: FormBits) {
  return (
    <>
      <Field id='cf-per' label='每人限领（张）' value={f.perMember} onInput={set('perMember')} error={err('perMember')} />
      <Field id='cf-total' label='发放总张数' value={f.totalVouchers} onInput={set('totalVouchers')} error={err('totalVouchers')} />
      <Field
        id='cf-budget'
        label='资金预算（元）'
        value={f.budgetYuan}
        onInput={set('budgetYuan')}
        error={err('budgetYuan')}
        hint='工会承担的抵扣总额不会超过预算'
      />
      <Field id='cf-claim-days' label='领取天数（从现在起）' value={f.claimDays} onInput={set('claimDays')} error={err('claimDays')} />
      <Field id='cf-use-days' label='使用天数（从现在起）' value={f.useDays} onInput={set('useDays')} error={err('useDays')} />
      <Choice
        id='cf-mode'
        options={[
          ['first_come', '先到先得'],
          ['lottery', '抽签'],
        ]}
        value={f.mode}
        onPick={(mode) => patch({ mode })}
      />
    </>
  )
}

function MerchantPicker({ merchants, f, patch }: FormBits & { merchants: MerchantDTO[] }) {
  return (
    <>
      {merchants.map((m) => {
        const on = f.merchantIds.includes(m.id)
        return (
          <View
            key={m.id}
            id={`cf-merchant-${m.id}`}
            className='vc-row'
            onClick={() => patch({ merchantIds: on ? f.merchantIds.filter((x) => x !== m.id) : [...f.merchantIds, m.id] })}
          >
            <Text className='vc-line'>
              {on ? '☑' : '☐'} {m.name}
            </Text>
          </View>
        )
      })}
    </>
  )
}

function BonusFields({ f, patch, set, err }: FormBits) {
  return (
    <>
      <Choice
        id='cf-bonus'
        options={[
          ['no', '无劳模折上折'],
          ['yes', '劳模折上折'],
        ]}
        value={f.bonus ? 'yes' : 'no'}
        onPick={(v) => patch({ bonus: v === 'yes' })}
      />
      {f.bonus && (
        <View>
          <Field id='cf-bonus-rate' label='折上折（95 即 95折）' value={f.bonusRate} onInput={set('bonusRate')} error={err('bonusRate')} />
          <Field id='cf-bonus-cap' label='折上折最多（元）' value={f.bonusCapYuan} onInput={set('bonusCapYuan')} />
          <Choice
            id='cf-bonus-funder'
            options={[
              ['union', '工会补贴'],
              ['merchant', '商户让利'],
            ]}
            value={f.bonusFunder}
            onPick={(bonusFunder) => patch({ bonusFunder })}
          />
        </View>
      )}
    </>
  )
}

/** A new campaign: kind and amounts, limits, money budget, windows, mode, audience tags, merchants, 劳模 stacking. */
export function CampaignFormView({ merchants, onDone }: { merchants: MerchantDTO[]; onDone: () => void }) {
  const { bits, save } = useCampaignForm(onDone)
  const { f, set, err } = bits
  return (
    <View id='campaign-form' className='card'>
      <Text className='card__title'>新建批次</Text>
      <Field id='cf-name' label='批次名称' value={f.name} onInput={set('name')} error={err('name')} />
      <UnionPicker id='cf-union' value={f.unionId} onChange={set('unionId')} error={err('unionId')} />
      <Field id='cf-funder' label='发放工会' value={f.funderName} onInput={set('funderName')} error={err('funderName')} />
      <RuleFields {...bits} />
      <LimitFields {...bits} />
      <Field id='cf-tags' label='仅限标签（可空，如 劳模、新就业形态）' value={f.tags} onInput={set('tags')} />
      <Text className='vc-line'>可用商户</Text>
      <FieldError id='cf-merchants-error' message={err('merchantIds')} />
      <MerchantPicker merchants={merchants} {...bits} />
      <BonusFields {...bits} />
      {save.error && <Text className='error-text'>{save.error}</Text>}
      <BigButton id='cf-save' loading={save.busy} onClick={() => void save.run()}>
        创建批次
      </BigButton>
    </View>
  )
}
