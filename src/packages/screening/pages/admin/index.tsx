import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { DashboardDTO, ProgrammeDTO } from '~types/screening'
import { routeUrl } from '~types/routes'
import { BigButton } from '~src/components/big-button'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { useParams } from '~src/hooks/use-params'
import { useRemote, type Remote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { BookingsExport } from '~src/packages/screening/components/bookings-export'
import { ChoiceList } from '~src/packages/screening/components/choice-list'
import { DashboardView } from '~src/packages/screening/components/dashboard-view'
import '~src/packages/screening/styles.css'

function ProgrammeChoices({ list, pid, onSelect }: { list: Remote<ProgrammeDTO[]>; pid: string; onSelect: (id: string) => void }) {
  return (
    <RemoteView remote={list} isEmpty={(d) => d.length === 0} emptyText='还没有筛查项目'>
      {(programmes) => (
        <ChoiceList
          idPrefix='admin-programme'
          selected={pid}
          onSelect={onSelect}
          choices={programmes.map((p) => ({ key: p.id, title: p.name, detail: `主办：${p.organiser}`, badge: `余 ${p.placesLeft}` }))}
        />
      )}
    </RemoteView>
  )
}

function Dashboard({ dash }: { dash: Remote<DashboardDTO | null> }) {
  return (
    <RemoteView remote={dash} loadingText='正在统计…'>
      {(d) =>
        d && (
          <>
            <DashboardView d={d} />
            <BigButton id='dashboard-refresh' variant='secondary' onClick={() => void dash.reload()}>
              刷新数据
            </BigButton>
          </>
        )
      }
    </RemoteView>
  )
}

/**
 * Officers: pick a programme her union (or one below it) runs, see its dashboard, export its bookings. Opened with ?id= (right after
 * creating one) it shows that one at once.
 */
export default function AdminPage() {
  const params = useParams()
  // her union's programmes and those below it (issue 20)
  const list = useRemote((silent) => call('screening', 'officerProgrammes', {}, { silent }))
  const [pid, setPid] = useState(params.id ?? '')
  const dash = useRemote(
    (silent) => (pid ? call('screening', 'dashboard', { programmeId: pid }, { silent, loadingText: '正在统计' }) : Promise.resolve(null)),
    [pid],
  )
  return (
    <PageFrame>
      <Text className='sc-title'>筛查项目看板</Text>
      <BigButton id='admin-new-programme' onClick={() => Taro.navigateTo({ url: routeUrl('screeningProgrammeEdit') })}>
        新建筛查项目
      </BigButton>
      <ProgrammeChoices list={list} pid={pid} onSelect={setPid} />
      {pid && <Dashboard dash={dash} />}
      {pid && <BookingsExport programmeId={pid} />}
      <BigButton id='admin-outbox' variant='secondary' onClick={() => Taro.navigateTo({ url: routeUrl('screeningOutbox', { all: '1' }) })}>
        全部通知记录
      </BigButton>
    </PageFrame>
  )
}
