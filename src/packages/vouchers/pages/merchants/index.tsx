import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { routeUrl } from '~types/routes'
import { BigButton } from '~src/components/big-button'
import { Field } from '~src/components/field'
import { NoticeBanner } from '~src/components/notice-banner'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { Refusal, useAction } from '~src/hooks/use-action'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { beijingDate } from '~src/utils/datetime'
import { yuan } from '~src/packages/vouchers/lib/money'
import '~src/packages/vouchers/styles.css'

const STATE_TEXT: Record<string, string> = { open: '待确认', confirmed: '已确认', disputed: '有异议' }

/** Officers: partner merchants; add one, suspend one (its tills stop at once), invite its cashiers from the 干部入口. */
export default function Merchants() {
  const list = useRemote((silent) => call('vouchers', 'listMerchants', {}, { silent }))
  const states = useRemote(() =>
    call('vouchers', 'merchantStatements', { period: 'month', date: beijingDate(Date.now()) }, { silent: true }),
  )
  const stateOf = (id: string) => states.data?.find((x) => x.merchantId === id)
  const [form, setForm] = useState({ name: '', address: '', category: '' })
  const save = useAction(async () => {
    if (!form.name.trim() || !form.address.trim() || !form.category.trim()) throw new Refusal('请填写商户名称、地址和类别')
    await call('vouchers', 'saveMerchant', form)
    setForm({ name: '', address: '', category: '' })
    await list.reload()
  })
  const toggle = useAction(async (merchantId: string, suspended: boolean) => {
    await call('vouchers', 'setMerchantSuspended', { merchantId, suspended })
    await list.reload()
  })
  return (
    <PageFrame className='vouchers-merchants'>
      <Text className='vc-title'>合作商户</Text>
      {toggle.error && <NoticeBanner tone='warn' text={toggle.error} />}
      <RemoteView remote={list} isEmpty={(ms) => ms.length === 0} emptyText='还没有合作商户'>
        {(ms) => (
          <View className='card'>
            {ms.map((m) => (
              <View key={m.id} id={`merchant-${m.id}`} className='vc-row'>
                <View>
                  <Text className='vc-line'>
                    {m.name}
                    {m.suspended ? '（已暂停）' : ''}
                  </Text>
                  <Text className='vc-small'>
                    {m.category} · {m.address}
                  </Text>
                  {stateOf(m.id) && (
                    <Text
                      id={`merchant-${m.id}-statement`}
                      className='vc-small'
                      style={{ color: 'var(--brand)' }}
                      onClick={() => void Taro.navigateTo({ url: routeUrl('vouchersStatement', { merchant: m.id, period: 'month' }) })}
                    >
                      本月对账：{STATE_TEXT[stateOf(m.id)!.state]} · 工会结算 {yuan(stateOf(m.id)!.totals.unionFen)} ›
                    </Text>
                  )}
                </View>
                <BigButton
                  id={`suspend-${m.id}`}
                  variant={m.suspended ? 'secondary' : 'danger'}
                  loading={toggle.busy}
                  onClick={() => void toggle.run(m.id, !m.suspended)}
                >
                  {m.suspended ? '恢复' : '暂停'}
                </BigButton>
              </View>
            ))}
          </View>
        )}
      </RemoteView>
      <View className='card'>
        <Text className='card__title'>新增商户</Text>
        <Field id='merchant-name' label='名称' value={form.name} onInput={(name) => setForm({ ...form, name })} />
        <Field
          id='merchant-address'
          label='地址'
          value={form.address}
          onInput={(address) => setForm({ ...form, address })}
          maxlength={80}
        />
        <Field
          id='merchant-category'
          label='类别'
          value={form.category}
          onInput={(category) => setForm({ ...form, category })}
          maxlength={20}
          placeholder='如 超市、商场、消费帮扶'
        />
        {save.error && <Text className='error-text'>{save.error}</Text>}
        <BigButton id='merchant-save' loading={save.busy} onClick={() => void save.run()}>
          保存商户
        </BigButton>
      </View>
      <NoticeBanner
        tone='info'
        text='核销员：在干部入口发放邀请码，范围选该商户。'
        actionText='去发放'
        onAction={() => void Taro.navigateTo({ url: routeUrl('officer') })}
      />
      <BigButton variant='secondary' onClick={() => void Taro.navigateTo({ url: routeUrl('vouchersCampaigns') })}>
        消费券批次
      </BigButton>
    </PageFrame>
  )
}
