import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { BigButton } from '~src/components/big-button'
import { Field } from '~src/components/field'
import { RemoteView } from '~src/components/remote-view'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import type { RosterRowDTO } from '~types/member'

const PAGE_SIZE = 10

function RosterRow({ m }: { m: RosterRowDTO }) {
  return (
    <View className='roster-row'>
      <Text className='roster-row__name'>{`${m.name} · ${m.cardNo}${m.bound ? ' · 已认证' : ''}`}</Text>
      <Text className='muted'>{`${m.branch}${m.tags.length ? ` · ${m.tags.join('、')}` : ''}`}</Text>
      <Text className='muted'>{`会员编号 ${m.memberRef} · 手机 ${m.phone}`}</Text>
    </View>
  )
}

function Pager({ page, pages, go }: { page: number; pages: number; go: (page: number) => void }) {
  return (
    <View className='roster-pager'>
      <BigButton variant='secondary' disabled={page === 0} onClick={() => go(page - 1)}>
        上一页
      </BigButton>
      <Text className='muted'>{`第 ${page + 1} / ${pages} 页`}</Text>
      <BigButton variant='secondary' disabled={page + 1 >= pages} onClick={() => go(page + 1)}>
        下一页
      </BigButton>
    </View>
  )
}

/** The roster as an officer sees it: searchable, paged, personal data masked. */
export function RosterList({ version }: { version: number }) {
  const [q, setQ] = useState('')
  const [query, setQuery] = useState({ term: '', page: 0 })
  const data = useRemote(
    (silent) =>
      call('member', 'listRoster', { ...(query.term ? { q: query.term } : {}), page: query.page, pageSize: PAGE_SIZE }, { silent }),
    [query.term, query.page, version], // and again after an import
  )
  const pages = data.data ? Math.max(1, Math.ceil(data.data.total / PAGE_SIZE)) : 1
  const go = (page: number) => setQuery({ ...query, page })
  return (
    <View className='card' id='roster-list'>
      <Text className='card__title'>会员名册{data.data ? `（共 ${data.data.total} 人）` : ''}</Text>
      <Field id='roster-q' label='查找会员' value={q} onInput={setQ} placeholder='姓名开头或完整会员证号' maxlength={24} />
      <BigButton id='roster-find' variant='secondary' onClick={() => setQuery({ term: q.trim(), page: 0 })}>
        查找
      </BigButton>
      <RemoteView remote={data} isEmpty={(d) => d.items.length === 0} emptyText='本工会及下级工会中没有找到会员，可先导入名册'>
        {(d) => (
          <View>
            {d.items.map((m) => (
              <RosterRow key={m.memberRef} m={m} />
            ))}
          </View>
        )}
      </RemoteView>
      {data.data && pages > 1 && <Pager page={query.page} pages={pages} go={go} />}
      <Text className='muted'>为保护会员个人信息，姓名、证号和手机号均已部分隐藏；「会员编号」不变，可用来核对导出表格中的同一人。</Text>
    </View>
  )
}
