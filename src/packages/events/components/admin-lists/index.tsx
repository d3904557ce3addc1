import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { useAction } from '~src/hooks/use-action'
import { useFormErrors } from '~src/hooks/use-form-errors'
import type { SubField, SubValues } from '~src/packages/events/lib/sub-item-form'
import { ItemForm, type ItemFormError } from '../item-form'
import './index.css'

export interface AdminRow {
  key: string
  text: string
  /** The saved values, to prefill the edit form. */
  values: SubValues
  /** Notes under inputs while editing this row (e.g. gifts already handed out under the stock). */
  hints?: Record<string, string>
}

interface Props {
  id: string
  title: string
  rows: AdminRow[]
  fields: SubField[]
  /** Saves a new item (key null) or the row `key`; resolves to null when saved, or to what to show. */
  onSave: (values: SubValues, key: string | null) => Promise<ItemFormError | null>
}

/** Which row is open, the two forms' values, and the save whose refusal is marked under the form (and input) it came from. */
function useAdminList(listId: string, fields: SubField[], onSave: Props['onSave']) {
  const blank = Object.fromEntries(fields.map((f) => [f.key, '']))
  const [editing, setEditing] = useState<string | null>(null)
  const [values, setValues] = useState<SubValues>(blank)
  const [draft, setDraft] = useState<SubValues>(blank)
  // The form kit holds the field messages; `owner` says which form (a row, or null for 添加) they belong to.
  const errors = useFormErrors<string>({ scope: listId })
  const [owner, setOwner] = useState<string | null | undefined>(undefined)
  const [message, setMessage] = useState('')
  const reset = () => {
    errors.clear()
    setMessage('')
    setOwner(undefined)
  }

  const open = (row: AdminRow) => {
    if (busy) return
    setEditing(editing === row.key ? null : row.key)
    setValues(row.values)
    reset()
  }
  const saving = useAction(async (key: string | null) => {
    reset()
    const problem = await onSave(key ? values : draft, key)
    if (!problem) return key ? setEditing(null) : setDraft(blank)
    setOwner(key)
    const placed = !!problem.field && fields.some((f) => f.key === problem.field)
    if (placed) errors.check({ [problem.field as string]: problem.message })
    else setMessage(problem.message)
  })
  const busy = saving.busy
  const save = saving.run
  const edited = (key: string | null, set: (v: SubValues) => void) => (v: SubValues, field: string) => {
    set(v)
    if (owner === key) errors.changed(field)
  }
  const errorsOf = (key: string | null) => (owner === key ? errors.errors : {})
  const messageOf = (key: string | null) => (owner === key ? message : '')
  return { editing, setEditing, values, setValues, draft, setDraft, open, busy, save, edited, errorsOf, messageOf }
}

type ListState = ReturnType<typeof useAdminList>

/** One saved item: its summary line, and its edit form while open. */
function AdminListRow({ id, row: r, fields, list }: { id: string; row: AdminRow; fields: SubField[]; list: ListState }) {
  const { editing, setEditing, values, setValues, open, busy, save, edited, errorsOf, messageOf } = list
  return (
    <View className={`admin-row ${editing === r.key ? 'admin-row--open' : ''}`}>
      <View id={`${id}-row-${r.key}`} className='admin-row__head' onClick={() => open(r)}>
        <Text className='admin-row__text'>{r.text}</Text>
        <Text className='admin-row__action'>{editing === r.key ? '收起' : '修改'}</Text>
      </View>
      {editing === r.key && (
        <ItemForm
          id={`${id}-edit`}
          fields={fields}
          values={values}
          onChange={edited(r.key, setValues)}
          errors={errorsOf(r.key)}
          message={messageOf(r.key)}
          hints={r.hints}
          busy={busy}
          saveLabel='保存修改'
          onSave={() => void save(r.key)}
          onCancel={() => setEditing(null)}
        />
      )}
    </View>
  )
}

/** A list of sub-items (booths, tiers, checkpoints): tap one to edit it in place, or add one below. */
export function AdminList({ id, title, rows, fields, onSave }: Props) {
  const list = useAdminList(id, fields, onSave)
  const { draft, setDraft, busy, save, edited, errorsOf, messageOf } = list

  return (
    <View id={id} className='card'>
      <Text className='card__title'>
        {title}（{rows.length}）
      </Text>
      {rows.length === 0 ? <Text className='muted'>还没有，可在下方添加</Text> : <Text className='muted'>点一项即可修改</Text>}
      {rows.map((r) => (
        <AdminListRow key={r.key} id={id} row={r} fields={fields} list={list} />
      ))}
      <Text className='admin-add__title'>添加{title}</Text>
      <ItemForm
        id={id}
        saveId={`${id}-add`}
        fields={fields}
        values={draft}
        onChange={edited(null, setDraft)}
        errors={errorsOf(null)}
        message={messageOf(null)}
        busy={busy}
        saveLabel='添加'
        onSave={() => void save(null)}
      />
    </View>
  )
}
