import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { MerchantDTO } from '~types/vouchers'
import { BigButton } from '~src/components/big-button'
import { Field } from '~src/components/field'
import { Refusal, useAction } from '~src/hooks/use-action'
import { call } from '~src/services/api'
import { EMPTY_FORM, toCampaignInput, type CampaignForm } from '~src/packages/vouchers/lib/campaign-form'

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

/** What the form's parts share: the values as typed, their setters, and the message for a field to fix. */
interface FormBits {
  f: CampaignForm
  setF: (f: CampaignForm) => void
  set: (k: keyof CampaignForm) => (v: string) => void
  err: (k: keyof CampaignForm) => string
}

/** The form's values and its save; the error of the first field to fix is shown beside that field. */
function useCampaignForm(onDone: () => void) {
  const [f, setF] = useState<CampaignForm>(EMPTY_FORM)
  const [errField, setErrField] = useState('')
  const set = (k: keyof CampaignForm) => (v: string) => setF({ ...f, [k]: v })
  const save = useAction(async () => {
    const r = toCampaignInput(f, Date.now())
    setErrField(r.ok ? '' : r.field)
    if (!r.ok) throw new Refusal(r.message)
    await call('vouchers', 'createCampaign', r.input, { loadingText: '正在创建' })
    onDone()
  })
  const err = (k: keyof CampaignForm) => (errField === k ? save.error : '')
  const bits: FormBits = { f, setF, set, err }
  return { bits, save, errField }
}

function RuleFields({ f, setF, set, err }: FormBits) {
  return (
    <>
      <Choice id='cf-kind' options={KINDS} value={f.kind} onPick={(kind) => setF({ ...f, kind })} />
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

function LimitFields({ f, setF, set, err }: FormBits) {
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
        onPick={(mode) => setF({ ...f, mode })}
      />
    </>
  )
}

function MerchantPicker({ merchants, f, setF }: FormBits & { merchants: MerchantDTO[] }) {
  return (
    <>
      {merchants.map((m) => {
        const on = f.merchantIds.includes(m.id)
        return (
          <View
            key={m.id}
            id={`cf-merchant-${m.id}`}
            className='vc-row'
            onClick={() => setF({ ...f, merchantIds: on ? f.merchantIds.filter((x) => x !== m.id) : [...f.merchantIds, m.id] })}
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

function BonusFields({ f, setF, set, err }: FormBits) {
  return (
    <>
      <Choice
        id='cf-bonus'
        options={[
          ['no', '无劳模折上折'],
          ['yes', '劳模折上折'],
        ]}
        value={f.bonus ? 'yes' : 'no'}
        onPick={(v) => setF({ ...f, bonus: v === 'yes' })}
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
            onPick={(bonusFunder) => setF({ ...f, bonusFunder })}
          />
        </View>
      )}
    </>
  )
}

/** A new campaign: kind and amounts, limits, money budget, windows, mode, audience tags, merchants, 劳模 stacking. */
export function CampaignFormView({ merchants, onDone }: { merchants: MerchantDTO[]; onDone: () => void }) {
  const { bits, save, errField } = useCampaignForm(onDone)
  const { f, set, err } = bits
  return (
    <View id='campaign-form' className='card'>
      <Text className='card__title'>新建批次</Text>
      <Field id='cf-name' label='批次名称' value={f.name} onInput={set('name')} error={err('name')} />
      <Field id='cf-funder' label='发放工会' value={f.funderName} onInput={set('funderName')} error={err('funderName')} />
      <RuleFields {...bits} />
      <LimitFields {...bits} />
      <Field id='cf-tags' label='仅限标签（可空，如 劳模、新就业形态）' value={f.tags} onInput={set('tags')} />
      <Text className='vc-line'>可用商户</Text>
      {err('merchantIds') && <Text className='error-text'>{err('merchantIds')}</Text>}
      <MerchantPicker merchants={merchants} {...bits} />
      <BonusFields {...bits} />
      {save.error && !errField && <Text className='error-text'>{save.error}</Text>}
      <BigButton id='cf-save' loading={save.busy} onClick={() => void save.run()}>
        创建批次
      </BigButton>
    </View>
  )
}
