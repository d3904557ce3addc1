import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { type ListUnionsRes, type OfficerUnionDTO, UNION_LEVEL_LABEL } from '~types/unions'
import { RemoteView } from '~src/components/remote-view'
import { unionChoices } from '~src/components/union-picker/union-choices'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { UnionEditor } from './union-editor'

type Row = ListUnionsRes['unions'][number]

/** What her level lets her do, in her words: the level above keeps each node (issue 20). */
function intro(own: OfficerUnionDTO): string {
  if (own.level === 'grassroots') return `您是「${own.name}」的干部：本工会的组织信息由上级工会维护。`
  if (own.all) return `您是「${own.name}」的干部：可新增区（县）总工会和直属基层工会，修改或调整下级工会。`
  return `您是「${own.name}」的干部：可在本级之下新增基层工会，修改或调整所属基层工会。`
}

/** Her subtree as the tree reads (each node under its parent, indented), with its members and officers. */
function TreeRows({ unions, chosen, onChoose }: { unions: Row[]; chosen: string | null; onChoose: (id: string) => void }) {
  const byId = new Map(unions.map((u) => [u.id, u]))
  const top = unions[0]?.path.length ?? 1
  return (
    <View className='union-tree'>
      {unionChoices(unions).map(({ id }) => {
        const u = byId.get(id)!
        return (
          <View
            key={id}
            id={`union-${id}`}
            className={`union-tree__row ${chosen === id ? 'union-tree__row--on' : ''}`}
            style={{ marginLeft: `${(u.path.length - top) * 32}px` }}
            onClick={() => onChoose(id)}
          >
            <Text className='roster-row__name'>{u.name}</Text>
            <Text className='muted'>
              {UNION_LEVEL_LABEL[u.level]} · 会员 {u.members} 人 · 干部 {u.officers} 人
            </Text>
          </View>
        )
      })}
    </View>
  )
}

/** 工会组织: the tree below her node; tap a union to add a unit under it, rename it or move it. */
export function UnionTree() {
  const tree = useRemote<ListUnionsRes>((silent) => call('member', 'listUnions', {}, { silent }))
  const [chosen, setChosen] = useState<string | null>(null)
  return (
    <View className='card' id='union-tree'>
      <Text className='card__title'>工会组织</Text>
      <RemoteView remote={tree} isEmpty={(t) => t.unions.length === 0} emptyText='还没有录入工会组织，请联系市总工会录入。'>
        {(t) => {
          const node = t.unions.find((u) => u.id === chosen)
          return (
            <View>
              <Text className='muted'>{intro(t.own)}</Text>
              <TreeRows unions={t.unions} chosen={chosen} onChoose={(id) => setChosen(id === chosen ? null : id)} />
              {node ? (
                <UnionEditor key={node.id} node={node} unions={t.unions} onSaved={() => void tree.reload()} />
              ) : (
                <Text className='muted'>点选一个工会，可新增下级、改名或调整上级。</Text>
              )}
            </View>
          )
        }}
      </RemoteView>
    </View>
  )
}
