import { useState } from 'react'
import { Alert, Dialog, Form, Input, MessagePlugin, Radio, Select } from 'tdesign-react'
import type { MerchantDTO } from '~types/vouchers'
import { EMPTY_FORM, formFieldOf, toCampaignInput, type CampaignForm } from '~src/packages/vouchers/lib/campaign-form'
import { ApiError, call, messageOf } from '../../api'
import { UnionSelect } from './union-select'

const { FormItem } = Form
type Key = keyof CampaignForm

/**
 * 新建批次: the mini-program's campaign form (src/packages/vouchers/lib/campaign-form.ts turns what is typed
 * into the request, with every rule it checks), laid out for a desk. The field to fix is marked where it is;
 * a refusal about a field the form has no box for shows above the buttons.
 */
export function CampaignDialog({ merchants, onClose, onCreated }: { merchants: MerchantDTO[]; onClose(): void; onCreated(): void }) {
  const [f, setF] = useState<CampaignForm>(EMPTY_FORM)
  const [error, setError] = useState<{ field: Key | null; message: string } | null>(null)
  const [saving, setSaving] = useState(false)
  const patch = (p: Partial<CampaignForm>) => setF((old) => ({ ...old, ...p }))
  const set = (k: Key) => (v: string) => patch({ [k]: v })
  const tip = (...keys: Key[]) => (error?.field && keys.includes(error.field) ? { status: 'error' as const, tips: error.message } : {})
  const text = (k: Key, cls: string, placeholder?: string) => (
    <Input className={cls} value={String(f[k])} onChange={set(k)} placeholder={placeholder} />
  )

  const save = async () => {
    const r = toCampaignInput(f, Date.now())
    if (!r.ok) return setError({ field: r.field, message: r.message })
    setSaving(true)
    setError(null)
    try {
      await call('vouchers', 'createCampaign', r.input)
      void MessagePlugin.success('批次已创建')
      onCreated()
    } catch (err) {
      setError({ field: err instanceof ApiError && err.field ? formFieldOf(err.field) : null, message: messageOf(err) })
    } finally {
      setSaving(false)
    }
  }

  const usable = merchants.filter((m) => !m.suspended)
  return (
    <Dialog
      visible
      header='新建消费券批次'
      width={760}
      placement='center'
      confirmBtn={{ content: '创建批次', loading: saving }}
      cancelBtn='取消'
      onConfirm={() => void save()}
      onClose={onClose}
    >
      <Form labelWidth={150} colon className='campaign-form'>
        <FormItem label='批次名称' {...tip('name')}>
          {text('name', 'cf-name', '如：2027 春季职工消费券')}
        </FormItem>
        <FormItem label='发放工会' {...tip('funderName')}>
          {text('funderName', 'cf-funder', '如：南京市总工会')}
        </FormItem>
        <FormItem label='主办单位' {...tip('unionId')}>
          <UnionSelect id='cf-union' value={f.unionId} onChange={set('unionId')} />
        </FormItem>
        <FormItem label='券的规则'>
          <Radio.Group value={f.kind} onChange={(v) => patch({ kind: v as CampaignForm['kind'] })}>
            <Radio.Button value='threshold'>满减</Radio.Button>
            <Radio.Button value='discount'>折扣</Radio.Button>
            <Radio.Button value='fixed'>无门槛</Radio.Button>
          </Radio.Group>
        </FormItem>
        {f.kind === 'threshold' && (
          <FormItem label='满（元）' {...tip('thresholdYuan')}>
            {text('thresholdYuan', 'cf-threshold')}
          </FormItem>
        )}
        {f.kind !== 'discount' ? (
          <FormItem label='减（元）' {...tip('amountYuan')}>
            {text('amountYuan', 'cf-amount')}
          </FormItem>
        ) : (
          <>
            <FormItem label='折扣（95 即 95折）' {...tip('ratePercent')}>
              {text('ratePercent', 'cf-rate')}
            </FormItem>
            <FormItem label='每次最多优惠（元）' {...tip('capYuan')}>
              {text('capYuan', 'cf-cap')}
            </FormItem>
          </>
        )}
        <FormItem label='每人限领（张）' {...tip('perMember')}>
          {text('perMember', 'cf-per')}
        </FormItem>
        <FormItem label='发放总张数' {...tip('totalVouchers')}>
          {text('totalVouchers', 'cf-total')}
        </FormItem>
        <FormItem label='资金预算（元）' {...tip('budgetYuan')}>
          {text('budgetYuan', 'cf-budget', '如：2000000')}
        </FormItem>
        <FormItem label='领取天数' {...tip('claimDays')}>
          {text('claimDays', 'cf-claim-days', '从现在起')}
        </FormItem>
        <FormItem label='使用天数' {...tip('useDays')}>
          {text('useDays', 'cf-use-days', '从现在起，不少于领取天数')}
        </FormItem>
        <FormItem label='领取方式'>
          <Radio.Group value={f.mode} onChange={(v) => patch({ mode: v as CampaignForm['mode'] })}>
            <Radio.Button value='first_come'>先到先得</Radio.Button>
            <Radio.Button value='lottery'>抽签</Radio.Button>
          </Radio.Group>
        </FormItem>
        <FormItem label='仅限标签' {...tip('tags')}>
          {text('tags', 'cf-tags', '可空，如 劳模、新就业形态')}
        </FormItem>
        <FormItem label='可用商户' {...tip('merchantIds')}>
          <Select
            className='cf-merchants'
            popupProps={{ overlayClassName: 'cf-merchants-popup' }}
            multiple
            filterable
            value={f.merchantIds}
            onChange={(v) => patch({ merchantIds: (v as string[]).map(String) })}
            options={usable.map((m) => ({ value: m.id, label: m.name }))}
            placeholder={usable.length ? '选择可用商户' : '请先新增商户'}
          />
        </FormItem>
        <FormItem label='劳模折上折' {...tip('bonus')}>
          <Radio.Group value={f.bonus ? 'on' : 'off'} onChange={(v) => patch({ bonus: v === 'on' })}>
            <Radio.Button value='off'>不设</Radio.Button>
            <Radio.Button value='on' className='cf-bonus'>
              设折上折
            </Radio.Button>
          </Radio.Group>
        </FormItem>
        {f.bonus && (
          <>
            <FormItem label='折上折（95 即 95折）' {...tip('bonusRate')}>
              {text('bonusRate', 'cf-bonus-rate')}
            </FormItem>
            <FormItem label='折上折最多（元）' {...tip('bonusCapYuan')}>
              {text('bonusCapYuan', 'cf-bonus-cap')}
            </FormItem>
            <FormItem label='折上折出资'>
              <Radio.Group value={f.bonusFunder} onChange={(v) => patch({ bonusFunder: v as CampaignForm['bonusFunder'] })}>
                <Radio.Button value='union'>工会补贴</Radio.Button>
                <Radio.Button value='merchant'>商户让利</Radio.Button>
              </Radio.Group>
            </FormItem>
          </>
        )}
      </Form>
      {error && !error.field && <Alert theme='error' message={error.message} />}
    </Dialog>
  )
}
