import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { routeUrl } from '~types/routes'
import { BigButton } from '~src/components/big-button'
import { Field } from '~src/components/field'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { ScanBox } from '~src/components/scan-box'
import { useAction } from '~src/hooks/use-action'
import { useParams } from '~src/hooks/use-params'
import { useRemote } from '~src/hooks/use-remote'
import { call, messageOf } from '~src/services/api'
import { TillStepView, type TillStep } from '~src/packages/vouchers/components/till-step'
import { billProblem, parseYuan } from '~src/packages/vouchers/lib/money'
import { merchantOfScope } from '~src/packages/vouchers/lib/merchant-param'
import '~src/packages/vouchers/styles.css'

const TILL_KEY = 'vouchers.till'

/** The till's own name (kept on this phone), the bill as typed, and the step the cashier is at. */
function useTillState() {
  const [till, setTill] = useState<string>(() => Taro.getStorageSync(TILL_KEY) || '1号收银台')
  const [bill, setBill] = useState('')
  const [step, setStep] = useState<TillStep>({ kind: 'scan' })
  const [billError, setBillError] = useState('')
  // A changed amount clears what was said about the old one.
  const typeBill = (text: string) => {
    setBill(text)
    setBillError('')
  }
  return { till, setTill, bill, setBill, typeBill, step, setStep, billError, setBillError }
}

type TillState = ReturnType<typeof useTillState>

/** The merchant this till redeems for: the one asked for, or her only one. */
function useTillMerchant(scope: string | undefined) {
  const merchants = useRemote(() => call('vouchers', 'myMerchants', {}))
  const merchant =
    merchants.data?.find((m) => m.merchant.id === merchantOfScope(scope)) ?? (merchants.data?.length === 1 ? merchants.data[0] : undefined)
  return { merchants, merchant, merchantId: merchant?.merchant.id ?? '' }
}

/** Preview then confirm; either ends in the next step to show, a refusal included, so the scan box is ready again. */
function useTillSteps({ till, bill, setBill, step, setStep, setBillError }: TillState, merchantId: string) {
  const act = useAction(async (fn: () => Promise<TillStep>) => {
    try {
      setStep(await fn())
    } catch (err) {
      setStep({ kind: 'refused', text: messageOf(err) })
    }
  })
  const preview = (code: string) => {
    const problem = billProblem(bill)
    setBillError(problem)
    const billFen = parseYuan(bill)
    if (problem || billFen === null) return setStep({ kind: 'scan' }) // one message at a time: the old refusal goes
    setStep({ kind: 'scan' })
    return act.run(async () => ({
      kind: 'preview',
      code,
      preview: await call('vouchers', 'preview', { merchantId, code, billFen }, { loadingText: '正在核对' }),
    }))
  }
  const confirm = (code: string, billFen: number) =>
    act.run(async () => {
      Taro.setStorageSync(TILL_KEY, till)
      const p = step.kind === 'preview' ? step.preview : null
      const row = await call(
        'vouchers',
        'redeem',
        { merchantId, code, billFen, till: till.trim() || '收银台' },
        { loadingText: '正在核销' },
      )
      setBill('')
      return { kind: 'done', row, preview: p! }
    })
  return { act, preview, confirm }
}

interface CardProps {
  s: TillState
  busy: boolean
  onCode: (code: string) => Promise<unknown> | void
  onConfirm: (code: string, billFen: number) => void
}

function TillCard({ s, busy, onCode, onConfirm }: CardProps) {
  return (
    <View className='card'>
      <Field id='till-name' label='本收银台名称' value={s.till} onInput={s.setTill} maxlength={20} />
      <Field
        id='till-bill'
        label='消费金额（元）'
        value={s.bill}
        onInput={s.typeBill}
        type='text'
        maxlength={12}
        placeholder='如 86.00'
        error={s.billError}
      />
      <TillStepView step={s.step} busy={busy} onConfirm={onConfirm} onCancel={() => s.setStep({ kind: 'scan' })} />
      {s.step.kind !== 'preview' && (
        <ScanBox idPrefix='till' scanText='扫会员券码' inputLabel='券码' onCode={onCode} busy={busy} submitText='核对优惠' />
      )}
    </View>
  )
}

function TillLinks({ merchantId }: { merchantId: string }) {
  return (
    <View className='vc-links'>
      <BigButton
        id='to-today'
        variant='secondary'
        onClick={() => void Taro.navigateTo({ url: routeUrl('vouchersToday', { merchant: merchantId }) })}
      >
        今日核销与撤销
      </BigButton>
      <BigButton
        id='to-statement'
        variant='secondary'
        onClick={() => void Taro.navigateTo({ url: routeUrl('vouchersStatement', { merchant: merchantId }) })}
      >
        对账单
      </BigButton>
    </View>
  )
}

/**
 * The till: enter the bill, scan the member's code → masked name, 劳模 mark and
 * the deduction the server computed → confirm. After any outcome the scan box
 * is ready for the next customer.
 */
export default function Till() {
  const params = useParams()
  const s = useTillState()
  const { merchants, merchant, merchantId } = useTillMerchant(params.merchant)
  const { act, preview, confirm } = useTillSteps(s, merchantId)
  return (
    <PageFrame className='vouchers-till'>
      <RemoteView remote={merchants} isEmpty={() => !merchant} emptyText='您不是合作商户的核销员；请用工会干部发放的邀请码开通'>
        {() => (
          <View>
            <Text className='vc-title'>{merchant!.merchant.name}</Text>
            {merchant!.merchant.suspended && <Text className='vc-result vc-result--bad'>本店已暂停核销</Text>}
            <TillCard s={s} busy={act.busy} onCode={preview} onConfirm={(c, b) => void confirm(c, b)} />
            <TillLinks merchantId={merchantId} />
          </View>
        )}
      </RemoteView>
    </PageFrame>
  )
}
