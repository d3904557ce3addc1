import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { RosterPageDTO } from '../../../types/member'
import { BigButton } from '../../components/big-button'
import { Field } from '../../components/field'
import { StateView } from '../../components/state-view'
import { call, messageOf } from '../../services/api'

const PAGE_SIZE = 10

/** The roster as an officer sees it: searchable, paged, personal data masked. */
export function RosterList({ version }: { version: number }) {
  const [q, setQ] = useState('')
  const [page, setPage] = useState(0)
  const [data, setData] = useState<RosterPageDTO | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const load = async (nextPage: number, query = q) => {
    setBusy(true)
    setError('')
    try {
      const term = query.trim()
      setData(await call('member', 'listRoster', { ...(term ? { q: term } : {}), page: nextPage, pageSize: PAGE_SIZE }, { idempotent: true, silent: true }))
      setPage(nextPage)
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  useEffect(() => void load(0), [version]) // reload after an import

  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1
  return (
    <View className='card' id='roster-list'>
      <Text className='card__title'>会员名册{data ? `（共 ${data.total} 人）` : ''}</Text>
      <Field id='roster-q' label='查找会员' value={q} onInput={setQ} placeholder='姓名开头或完整会员证号' maxlength={24} />
      <BigButton variant='secondary' loading={busy} onClick={() => load(0)}>查找</BigButton>
      {error && <StateView state='error' message={error} onRetry={() => load(page)} />}
      {!error && !data && <StateView state='loading' />}
      {data && data.items.length === 0 && <StateView state='empty' message='没有找到会员，可先导入名册' />}
      {data?.items.map((m) => (
        <View key={`${m.cardNo}-${m.phone}`} className='roster-row'>
          <Text className='roster-row__name'>{m.name} · {m.cardNo}{m.bound ? ' · 已认证' : ''}</Text>
          <Text className='muted'>{m.branch}{m.tags.length ? ` · ${m.tags.join('、')}` : ''}</Text>
        </View>
      ))}
      {data && pages > 1 && (
        <View className='roster-pager'>
          <BigButton variant='secondary' disabled={page === 0 || busy} onClick={() => load(page - 1)}>上一页</BigButton>
          <Text className='muted'>第 {page + 1} / {pages} 页</Text>
          <BigButton variant='secondary' disabled={page + 1 >= pages || busy} onClick={() => load(page + 1)}>下一页</BigButton>
        </View>
      )}
      <Text className='muted'>为保护会员个人信息，姓名、证号和手机号均已部分隐藏。</Text>
    </View>
  )
}
