import { Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ListUnionsRes } from '~types/unions'
import { BigButton } from '~src/components/big-button'
import { Field } from '~src/components/field'
import { type UnionChoice, unionChoices } from '~src/components/union-picker/union-choices'
import { Refusal, useAction } from '~src/hooks/use-action'
import { call } from '~src/services/api'
import { confirmDialog } from '~src/services/dialog'
import { notify } from '~src/services/notify'

type Row = ListUnionsRes['unions'][number]
type Mode = 'add' | 'rename' | 'move'

const MODE_LABEL: Record<Mode, string> = { add: '新增下级工会', rename: '改名', move: '调整上级' }

interface Draft {
  mode: Mode
  name: string
  district: 'district' | 'unit'
  target: UnionChoice | undefined
}

/** Where a unit may go: a node of her subtree that can hold its level, not itself, below itself, or where it is. */
function parentsFor(node: Row, unions: Row[]): Row[] {
  const holds = (p: Row) => (node.level === 'district' ? p.level === 'city' : p.level !== 'grassroots')
  return unions.filter((p) => !p.path.includes(node.id) && p.id !== node.parentId && holds(p))
}

function Chips<T extends string>({ id, items, value, onPick }: { id: string; items: [T, string][]; value: T; onPick: (v: T) => void }) {
  return (
    <View className='invite__kinds'>
      {items.map(([k, label]) => (
        <View key={k} id={`${id}-${k}`} className={`invite__kind ${value === k ? 'invite__kind--on' : ''}`} onClick={() => onPick(k)}>
          {label}
        </View>
      ))}
    </View>
  )
}

/** Sends what she chose; a move is confirmed first (its members and things go with it). */
function useSave(node: Row, d: Draft, onSaved: () => void) {
  const ask = () =>
    d.mode !== 'move' ||
    confirmDialog({
      title: '调整上级',
      content: `把「${node.name}」及其会员、活动等移到「${d.target?.name}」之下？`,
      confirmText: '确认调整',
    })
  return useAction(
    async () => {
      const name = d.name.trim()
      if (d.mode !== 'move' && !name) throw new Refusal('请填写工会名称')
      if (d.mode === 'add') {
        const kind = node.level === 'city' ? { district: d.district === 'district' } : {}
        await call('member', 'saveUnion', { name, parentId: node.id, ...kind }, { loadingText: '正在保存' })
      } else if (d.mode === 'rename') {
        await call('member', 'saveUnion', { id: node.id, name, parentId: node.parentId! }, { loadingText: '正在保存' })
      } else await call('member', 'moveUnion', { id: node.id, parentId: d.target!.id }, { loadingText: '正在调整' })
      notify('已保存')
      onSaved()
    },
    { ask },
  )
}

function MoveTarget({ targets, index, onPick }: { targets: UnionChoice[]; index: number; onPick: (i: number) => void }) {
  if (targets.length === 0) return <Text className='muted'>没有可以调整到的上级工会。</Text>
  return (
    <Picker mode='selector' range={targets.map((t) => t.label)} value={index} onChange={(e) => onPick(Number(e.detail.value))}>
      <View id='union-move-target' className='field__input union-editor__target'>
        移到：{targets[index].name} ›
      </View>
    </Picker>
  )
}

/** What she can do with the union she tapped: only what the level rules allow is offered. */
export function UnionEditor({ node, unions, onSaved }: { node: Row; unions: Row[]; onSaved: () => void }) {
  const modes = (['add', 'rename', 'move'] as Mode[]).filter((m) => (m === 'add' ? node.level !== 'grassroots' : node.canEdit))
  const targets = unionChoices(parentsFor(node, unions))
  const [index, setIndex] = useState(0)
  const [d, setDraft] = useState<Omit<Draft, 'target'>>({ mode: modes[0] ?? 'add', name: '', district: 'unit' })
  const save = useSave(node, { ...d, target: targets[index] }, onSaved)
  const pick = (mode: Mode) => (setDraft({ ...d, mode, name: mode === 'rename' ? node.name : '' }), save.setError(''))
  if (modes.length === 0) return <Text className='muted'>「{node.name}」由上级工会维护。</Text>
  return (
    <View id='union-editor' className='union-editor'>
      <Chips id='union-mode' items={modes.map((m) => [m, MODE_LABEL[m]])} value={d.mode} onPick={pick} />
      {d.mode === 'add' && node.level === 'city' && (
        <Chips
          id='union-kind'
          items={[
            ['unit', '直属基层工会'],
            ['district', '区（县）总工会'],
          ]}
          value={d.district}
          onPick={(district) => setDraft({ ...d, district })}
        />
      )}
      {d.mode === 'move' ? (
        <MoveTarget targets={targets} index={index} onPick={setIndex} />
      ) : (
        <Field
          id='union-name'
          label={d.mode === 'add' ? `「${node.name}」下的新工会名称` : '新名称'}
          value={d.name}
          onInput={(name) => setDraft({ ...d, name })}
          maxlength={40}
        />
      )}
      {save.error && <Text className='error-text'>{save.error}</Text>}
      <BigButton id='union-save' loading={save.busy} disabled={d.mode === 'move' && targets.length === 0} onClick={() => void save.run()}>
        {MODE_LABEL[d.mode]}
      </BigButton>
    </View>
  )
}
