import { useEffect } from 'react'
import { Select } from 'tdesign-react'
import { unionChoices } from '~src/components/union-picker/union-choices'
import { call } from '../../api'
import { useRemote } from '../../use-remote'

interface Props {
  id: string
  /** The chosen union; '' until her own node is known (then it is chosen for her). */
  value: string
  onChange: (unionId: string) => void
}

/** 主办单位 (issue 20): her own union by default, or one below it, in tree order (as the mini-program's picker). */
export function UnionSelect({ id, value, onChange }: Props) {
  const tree = useRemote(() => call('member', 'listUnions', {}))
  const data = tree.data
  useEffect(() => {
    if (data && !value && data.own.unionId) onChange(data.own.unionId)
  }, [data, value, onChange])
  const choices = data ? unionChoices(data.unions) : []
  return (
    <Select
      className={id}
      value={value || undefined}
      onChange={(v) => onChange(String(v))}
      loading={tree.loading}
      disabled={choices.length < 2}
      placeholder={tree.error ? '工会组织读取失败' : (data?.own.name ?? '读取中…')}
      options={choices.map((c) => ({ value: c.id, label: c.label }))}
    />
  )
}
