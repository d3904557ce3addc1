import { useState } from 'react'
import { Alert, Dialog, Form, Input, MessagePlugin } from 'tdesign-react'
import type { MerchantDTO, MerchantInputDTO } from '~types/vouchers'
import { ApiError, call, messageOf } from '../../api'
import { UnionSelect } from './union-select'

const { FormItem } = Form

/** A new merchant (with its 主办单位, fixed once saved) or an edit of one's name, address and category. */
export function MerchantDialog({ merchant, onClose, onSaved }: { merchant: MerchantDTO | null; onClose(): void; onSaved(): void }) {
  const [f, setF] = useState<Required<MerchantInputDTO>>({
    name: merchant?.name ?? '',
    address: merchant?.address ?? '',
    category: merchant?.category ?? '',
    unionId: merchant?.unionId ?? '',
  })
  const [error, setError] = useState<{ field?: string; message: string } | null>(null)
  const [saving, setSaving] = useState(false)
  const set = (k: keyof MerchantInputDTO) => (v: string) => setF((old) => ({ ...old, [k]: v }))
  const tip = (k: string) => (error?.field === k ? { status: 'error' as const, tips: error.message } : {})

  const save = async () => {
    if (!f.name.trim() || !f.address.trim() || !f.category.trim()) {
      setError({ field: !f.name.trim() ? 'name' : !f.address.trim() ? 'address' : 'category', message: '请填写完整' })
      return
    }
    setSaving(true)
    setError(null)
    try {
      const base = { name: f.name.trim(), address: f.address.trim(), category: f.category.trim() }
      await call(
        'vouchers',
        'saveMerchant',
        merchant ? { ...base, id: merchant.id } : { ...base, ...(f.unionId ? { unionId: f.unionId } : {}) },
      )
      void MessagePlugin.success('已保存')
      onSaved()
    } catch (err) {
      setError({ field: err instanceof ApiError ? err.field : undefined, message: messageOf(err) })
    } finally {
      setSaving(false)
    }
  }

  return (
    <Dialog
      visible
      header={merchant ? '编辑商户' : '新增商户'}
      width={560}
      confirmBtn={{ content: '保存', loading: saving }}
      cancelBtn='取消'
      onConfirm={() => void save()}
      onClose={onClose}
    >
      <Form labelWidth={100} colon>
        <FormItem label='商户名称' {...tip('name')}>
          <Input className='mf-name' value={f.name} onChange={set('name')} maxlength={40} />
        </FormItem>
        <FormItem label='地址' {...tip('address')}>
          <Input className='mf-address' value={f.address} onChange={set('address')} maxlength={80} />
        </FormItem>
        <FormItem label='类别' {...tip('category')}>
          <Input className='mf-category' value={f.category} onChange={set('category')} placeholder='如：餐饮、超市' maxlength={20} />
        </FormItem>
        <FormItem label='签约单位' {...tip('unionId')}>
          {merchant ? <span>{merchant.organiser}</span> : <UnionSelect id='mf-union' value={f.unionId} onChange={set('unionId')} />}
        </FormItem>
      </Form>
      {error && !['name', 'address', 'category', 'unionId'].includes(error.field ?? '') && <Alert theme='error' message={error.message} />}
    </Dialog>
  )
}
