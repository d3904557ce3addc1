import { View } from '@tarojs/components'
import { useState } from 'react'
import { PageFrame } from '~src/components/page-frame'
import { BackLink } from '~src/components/back-link'
import { RemoteView } from '~src/components/remote-view'
import { StateView } from '~src/components/state-view'
import { useRemote } from '~src/hooks/use-remote'
import { loadMe } from '~src/services/me-store'
import { DeletionQueue } from './deletion-queue'
import { InviteCreator } from './invite-creator'
import { RosterImport } from './roster-import'
import { RosterList } from './roster-list'
import './index.css'

type Tab = 'roster' | 'import' | 'invite' | 'deletion'
const TABS: { key: Tab; label: string }[] = [
  { key: 'roster', label: '会员名册' },
  { key: 'import', label: '导入名册' },
  { key: 'invite', label: '工作人员邀请码' },
  { key: 'deletion', label: '删除申请' },
]

/** One task at a time on a phone: the officer picks what to do from the tabs. */
export default function Officer() {
  const me = useRemote((silent) => loadMe({ silent }))
  const [tab, setTab] = useState<Tab>('roster')
  const [rosterVersion, setRosterVersion] = useState(0)
  return (
    <PageFrame className='officer'>
      <RemoteView remote={me}>
        {(m) =>
          !m.roles.some((r) => r.role === 'officer') ? (
            <StateView state='empty' message='此页面仅供工会干部使用。如您是工会干部，请联系市总工会开通权限。' />
          ) : (
            <View>
              <View className='officer-tabs'>
                {TABS.map((t) => (
                  <View
                    key={t.key}
                    id={`officer-tab-${t.key}`}
                    className={`officer-tab ${tab === t.key ? 'officer-tab--on' : ''}`}
                    onClick={() => setTab(t.key)}
                  >
                    {t.label}
                  </View>
                ))}
              </View>
              {tab === 'roster' && <RosterList version={rosterVersion} />}
              {tab === 'import' && <RosterImport onImported={() => setRosterVersion((v) => v + 1)} />}
              {tab === 'invite' && <InviteCreator />}
              {tab === 'deletion' && <DeletionQueue />}
            </View>
          )
        }
      </RemoteView>
      <BackLink />
    </PageFrame>
  )
}
