import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { DashboardDTO } from '../../../../../types/screening'
import { BackLink } from '../../../../components/back-link'
import { BigButton } from '../../../../components/big-button'
import { StateView } from '../../../../components/state-view'
import { call, messageOf } from '../../../../services/api'
import { ChoiceList } from '../../components/choice-list'
import { DashboardView } from '../../components/dashboard-view'
import { ExportBox } from '../../components/export-box'
import { useRemote } from '../../hooks/use-remote'
import { routes } from '../../utils/routes'
import '../../styles.css'

/** Officers: pick a programme, see its dashboard, export its bookings. */
export default function AdminPage() {
  const list = useRemote((silent) => call('screening', 'listProgrammes', {}, { idempotent: true, silent }))
  const [pid, setPid] = useState('')
  const [dash, setDash] = useState<DashboardDTO | null>(null)
  const [error, setError] = useState('')
  const open = async (id: string) => {
    setPid(id)
    setDash(null)
    setError('')
    try {
      setDash(await call('screening', 'dashboard', { programmeId: id }, { idempotent: true, loadingText: '正在统计' }))
    } catch (err) {
      setError(messageOf(err))
    }
  }
  // Opened with ?id= (e.g. right after creating a programme): show that programme's dashboard at once.
  const { params } = useRouter()
  useEffect(() => {
    if (params.id) void open(params.id)
  }, [params.id])
  return (
    <View className='page'>
      <Text className='sc-title'>筛查项目看板</Text>
      <BigButton id='admin-new-programme' onClick={() => Taro.navigateTo({ url: '/packages/screening/pages/programme-edit/index' })}>新建筛查项目</BigButton>
      {!list.loaded && <StateView state={list.error ? 'error' : 'loading'} message={list.error || undefined} onRetry={list.reload} />}
      {list.data?.length === 0 && <StateView state='empty' message='还没有筛查项目' />}
      {list.data && (
        <ChoiceList idPrefix='admin-programme' selected={pid} onSelect={open} choices={list.data.map((c) => ({ key: c.programme.id, title: c.programme.name, badge: `余 ${c.programme.placesLeft}` }))} />
      )}
      {pid && !dash && <StateView state={error ? 'error' : 'loading'} message={error || '正在统计…'} onRetry={() => void open(pid)} />}
      {dash && <DashboardView d={dash} />}
      {dash && <BigButton id='dashboard-refresh' variant='secondary' onClick={() => void open(pid)}>刷新数据</BigButton>}
      {pid && <ExportBox programmeId={pid} />}
      <BigButton id='admin-outbox' variant='secondary' onClick={() => Taro.navigateTo({ url: routes.outbox(true) })}>全部通知记录</BigButton>
      <BackLink />
    </View>
  )
}
