import { Picker, Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import type { ListUnionsRes } from '~types/unions'
import { FieldError } from '~src/components/field'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { unionChoices } from './union-choices'
import '../field/index.css'
import './index.css'

interface Props {
  id: string
  /** The chosen union; '' until her own node is known (then it is chosen for her). */
  value: string
  onChange: (unionId: string) => void
  label?: string
  error?: string
  /** An existing thing keeps its owner: shown, not changed here. */
  locked?: boolean
}

/**
 * 主办单位 on every officer's form (issue 20): her own union by default, or one below it. A grassroots
 * officer has nothing to choose, so she reads the name only.
 */
export function UnionPicker({ id, value, onChange, label = '主办单位', error, locked = false }: Props) {
  const tree = useRemote<ListUnionsRes>((silent) => call('member', 'listUnions', {}, { silent }))
  const data = tree.data
  const choices = data ? unionChoices(data.unions) : []
  useEffect(() => {
    if (data && !value && data.own.unionId) onChange(data.own.unionId)
  }, [data, value, onChange])
  const index = Math.max(
    0,
    choices.findIndex((c) => c.id === value),
  )
  const chosen = choices[index]
  const name = chosen?.name ?? (tree.loading ? '读取中…' : tree.error ? '工会组织读取失败' : '')
  const row = (
    <View id={id} className={`union-picker field__input ${locked || choices.length < 2 ? 'union-picker--fixed' : ''}`}>
      <Text className='union-picker__name'>{name}</Text>
      {!locked && choices.length > 1 ? <Text className='union-picker__change'>更换 ›</Text> : null}
    </View>
  )
  return (
    <View className={`field ${error ? 'field--error' : ''}`}>
      <Text className='field__label'>{label}</Text>
      {locked || choices.length < 2 ? (
        row
      ) : (
        <Picker
          mode='selector'
          range={choices.map((c) => c.label)}
          value={index}
          onChange={(e) => onChange(choices[Number(e.detail.value)].id)}
        >
          {row}
        </Picker>
      )}
      <FieldError message={error} />
      {!error && tree.error ? <Text className='field__hint'>{tree.error}</Text> : null}
    </View>
  )
}
