import { Input, Select, Space } from 'tdesign-react'
import type { CampaignTableRequest, CampaignTableState } from '~types/vouchers'
import { unionChoices } from '~src/components/union-picker/union-choices'
import { call } from '../../api'
import { useRemote } from '../../use-remote'

export type CampaignFilters = Pick<CampaignTableRequest, 'state' | 'unionId' | 'name'>

const STATES: { value: CampaignTableState; label: string }[] = [
  { value: 'upcoming', label: '未开始' },
  { value: 'claiming', label: '领取中' },
  { value: 'ended', label: '已结束' },
]

/** 批次's filters, each answered by the function: the claim window's state, 主办 (a union of hers), a name's start. */
export function CampaignFilterBar({ value, onChange }: { value: CampaignFilters; onChange: (next: CampaignFilters) => void }) {
  const tree = useRemote(() => call('member', 'listUnions', {}))
  const set = (patch: Partial<CampaignFilters>) => {
    const next = { ...value, ...patch }
    for (const k of Object.keys(next) as (keyof CampaignFilters)[]) if (!next[k]) delete next[k]
    onChange(next)
  }
  return (
    <Space align='center' className='table-filters'>
      <Select
        className='campaign-state-filter'
        clearable
        placeholder='全部状态'
        value={value.state}
        onChange={(v) => set({ state: (v || undefined) as CampaignTableState | undefined })}
        options={STATES}
        style={{ width: 140 }}
      />
      <Select
        className='campaign-union-filter'
        clearable
        filterable
        placeholder='全部主办单位'
        value={value.unionId}
        loading={tree.loading}
        onChange={(v) => set({ unionId: v ? String(v) : undefined })}
        options={tree.data ? unionChoices(tree.data.unions).map((c) => ({ value: c.id, label: c.label })) : []}
        style={{ width: 240 }}
      />
      <Input
        className='campaign-name-filter'
        clearable
        placeholder='批次名称开头'
        value={value.name ?? ''}
        onChange={(v) => set({ name: String(v).trim() || undefined })}
        style={{ width: 200 }}
      />
    </Space>
  )
}
