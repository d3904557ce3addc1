import { View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import type { MeDTO } from '../../../types/member'
import { BackLink } from '../../components/back-link'
import { StateView } from '../../components/state-view'
import { messageOf } from '../../services/api'
import { cachedMe, loadMe } from '../../services/me-store'
import { InviteCreator } from './invite-creator'
import { RosterImport } from './roster-import'
import { RosterList } from './roster-list'
import './index.css'

export default function Officer() {
  const [me, setMe] = useState<MeDTO | null>(cachedMe())
  const [error, setError] = useState('')
  const [rosterVersion, setRosterVersion] = useState(0)
  const refresh = () => {
    setError('')
    loadMe({ silent: !!cachedMe() }).then(setMe, (err) => setError(messageOf(err)))
  }
  useDidShow(refresh)

  const isOfficer = !!me?.roles.some((r) => r.role === 'officer')
  return (
    <View className='page officer'>
      {!me && <StateView state={error ? 'error' : 'loading'} message={error || undefined} onRetry={refresh} />}
      {me && !isOfficer && <StateView state='empty' message='此页面仅供工会干部使用。如您是工会干部，请联系市总工会开通权限。' />}
      {isOfficer && <RosterImport onImported={() => setRosterVersion((v) => v + 1)} />}
      {isOfficer && <InviteCreator />}
      {isOfficer && <RosterList version={rosterVersion} />}
      <BackLink />
    </View>
  )
}
