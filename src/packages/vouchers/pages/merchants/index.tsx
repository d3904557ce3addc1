import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { MerchantDTO, VouchersActions } from '~types/vouchers'
import { routeUrl } from '~types/routes'
import { BigButton } from '~src/components/big-button'
import { Field } from '~src/components/field'
import { NoticeBanner } from '~src/components/notice-banner'
import { PageFrame } from '~src/components/page-frame'
import { UnionPicker } from '~src/components/union-picker'
import { RemoteView } from '~src/components/remote-view'
import { Refusal, useAction, type Action } from '~src/hooks/use-action'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { confirmDialog } from '~src/services/dialog'
import { beijingDate } from '~src/utils/datetime'
import { yuan } from '~src/packages/vouchers/lib/money'
import '~src/packages/vouchers/styles.css'

const STATE_TEXT: Record<string, string> = { open: '待确认', confirmed: '已确认', disputed: '有异议' }

type MerchantState = VouchersActions['merchantStatements'][1][number]
/** `unionId`: the union that signs it (issue 20), her own node until she picks one below it. */
type MerchantForm = { name: string; address: string; category: string; unionId: string }

/** The new-merchant form and its save; a saved merchant clears the form (keeping the signing union) and shows in the list. */
function useMerchantForm(reload: () => Promise<void>) {
  const [form, setForm] = useState<MerchantForm>({ name: '', address: '', category: '', unionId: '' })
  const save = useAction(async () => {
    if (!form.name.trim() || !form.address.trim() || !form.category.trim()) throw new Refusal('请填写商户名称、地址和类别')
    const { unionId, ...fields } = form
    await call('vouchers', 'saveMerchant', unionId ? form : fields)
    setForm({ name: '', address: '', category: '', unionId })
    await reload()
  })
  return { form, setForm, save }
}

/** Stopping a shop's redemptions turns members away at its tills: asked first, naming that. Resuming is harmless. */
async function sureToToggle(m: MerchantDTO): Promise<boolean> {
  if (m.suspended) return true
  return confirmDialog({
    title: `暂停「${m.name}」核销？`,
    content: '暂停后该店所有收银台都不能核销消费券，会员到店将无法使用。可随时恢复。',
    confirmText: '确定暂停',
    cancelText: '不暂停',
    danger: true,
  })
}

interface RowProps {
  m: MerchantDTO
  state: MerchantState | undefined
  busy: boolean
  onToggle: () => void
}

function MerchantRow({ m, state, busy, onToggle }: RowProps) {
  return (
    <View id={`merchant-${m.id}`} className='vc-row'>
      <View>
        <Text className='vc-line'>
          {m.name}
          {m.suspended ? '（已暂停）' : ''}
        </Text>
        <Text className='vc-small'>
          {m.category} · {m.address}
        </Text>
        {m.organiser && (
          <Text id={`merchant-${m.id}-owner`} className='vc-small'>
            签约：{m.organiser}
          </Text>
        )}
        {state && (
          <Text
            id={`merchant-${m.id}-statement`}
            className='vc-small'
            style={{ color: 'var(--brand)' }}
            onClick={() => void Taro.navigateTo({ url: routeUrl('vouchersStatement', { merchant: m.id, period: 'month' }) })}
          >
            本月对账：{STATE_TEXT[state.state]} · 工会结算 {yuan(state.totals.unionFen)} ›
          </Text>
        )}
      </View>
      <BigButton id={`suspend-${m.id}`} variant={m.suspended ? 'secondary' : 'danger'} loading={busy} onClick={onToggle}>
        {m.suspended ? '恢复' : '暂停'}
      </BigButton>
    </View>
  )
}

interface FormProps {
  form: MerchantForm
  setForm: (form: MerchantForm) => void
  save: Action<[], void>
}

function NewMerchantCard({ form, setForm, save }: FormProps) {
  return (
    <View className='card'>
      <Text className='card__title'>新增商户</Text>
      <Field id='merchant-name' label='名称' value={form.name} onInput={(name) => setForm({ ...form, name })} />
      <Field id='merchant-address' label='地址' value={form.address} onInput={(address) => setForm({ ...form, address })} maxlength={80} />
      <Field
        id='merchant-category'
        label='类别'
        value={form.category}
        onInput={(category) => setForm({ ...form, category })}
        maxlength={20}
        placeholder='如 超市、商场、消费帮扶'
      />
      <UnionPicker id='merchant-union' label='签约工会' value={form.unionId} onChange={(unionId) => setForm({ ...form, unionId })} />
      {save.error && <Text className='error-text'>{save.error}</Text>}
      <BigButton id='merchant-save' loading={save.busy} onClick={() => void save.run()}>
        保存商户
      </BigButton>
    </View>
  )
}

function MerchantLinks() {
  return (
    <View>
      <NoticeBanner
        tone='info'
        text='核销员：在干部入口发放邀请码，范围选该商户。'
        actionText='去发放'
        onAction={() => void Taro.navigateTo({ url: routeUrl('officer') })}
      />
      <BigButton variant='secondary' onClick={() => void Taro.navigateTo({ url: routeUrl('vouchersCampaigns') })}>
        消费券批次
      </BigButton>
    </View>
  )
}

/** Officers: partner merchants; add one, suspend one (its tills stop at once), invite its cashiers from the 干部入口. */
export default function Merchants() {
  const list = useRemote((silent) => call('vouchers', 'listMerchants', {}, { silent }))
  const states = useRemote(() =>
    call('vouchers', 'merchantStatements', { period: 'month', date: beijingDate(Date.now()) }, { silent: true }),
  )
  const stateOf = (id: string) => states.data?.find((x) => x.merchantId === id)
  const { form, setForm, save } = useMerchantForm(list.reload)
  const toggle = useAction(
    async (m: MerchantDTO) => {
      await call('vouchers', 'setMerchantSuspended', { merchantId: m.id, suspended: !m.suspended })
      await list.reload()
    },
    { ask: sureToToggle },
  )
  return (
    <PageFrame className='vouchers-merchants'>
      <Text className='vc-title'>合作商户</Text>
      {toggle.error && <NoticeBanner tone='warn' text={toggle.error} />}
      <RemoteView remote={list} isEmpty={(ms) => ms.length === 0} emptyText='还没有合作商户'>
        {(ms) => (
          <View className='card'>
            {ms.map((m) => (
              <MerchantRow key={m.id} m={m} state={stateOf(m.id)} busy={toggle.busy} onToggle={() => void toggle.run(m)} />
            ))}
          </View>
        )}
      </RemoteView>
      <NewMerchantCard form={form} setForm={setForm} save={save} />
      <MerchantLinks />
    </PageFrame>
  )
}
