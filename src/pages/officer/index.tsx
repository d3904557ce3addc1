import { Text, View } from '@tarojs/components'
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
import { UnionTree } from './union-tree'
import './index.css'

type Tab = 'roster' | 'import' | 'invite' | 'deletion' | 'unions'
const TABS: { key: Tab; label: string }[] = [
  { key: 'roster', label: '会员名册' },
  { key: 'import', label: '导入名册' },
  { key: 'invite', label: '邀请码' },
  { key: 'deletion', label: '删除申请' },
  { key: 'unions', label: '工会组织' },
]

function OfficerTabs({ tab, onPick }: { tab: Tab; onPick: (t: Tab) => void }) {
  return (
    <View className='officer-tabs'>
      {TABS.map((t) => (
        <View
          key={t.key}
          id={`officer-tab-${t.key}`}
          className={`officer-tab ${tab === t.key ? 'officer-tab--on' : ''}`}
          onClick={() => onPick(t.key)}
        >
          {t.label}
        </View>
      ))}
    </View>
  )
}

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
              {/* Which union she acts for: everything below is that union's (issue 20). */}
              <Text id='officer-union' className='officer-union'>
                {m.roles.flatMap((r) => (r.role === 'officer' ? [r.union.name] : []))[0]} · 工会干部
              </Text>
              <OfficerTabs tab={tab} onPick={setTab} />
              {tab === 'roster' && <RosterList version={rosterVersion} />}
              {tab === 'import' && <RosterImport onImported={() => setRosterVersion((v) => v + 1)} />}
              {tab === 'invite' && <InviteCreator />}
              {tab === 'deletion' && <DeletionQueue />}
              {tab === 'unions' && <UnionTree />}
            </View>
          )
        }
      </RemoteView>
      <BackLink />
    </PageFrame>
  )
}
