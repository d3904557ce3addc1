import { useState } from 'react'
import { Button, Layout, MessagePlugin } from 'tdesign-react'
import type { MeDTO } from '~types/member'
import { call, messageOf } from '../api'
import { signedOut } from '../session'

const LEVELS: Record<string, string> = { city: '市级', district: '区级', grassroots: '基层' }

/** Her name and the union she acts for (an officer), or her shop (a manager); 退出登录 ends this session everywhere. */
function whoIs(me: MeDTO): { name: string; place: string } {
  const name = me.profile?.name ?? '工会干部'
  const officer = me.roles.find((r) => r.role === 'officer')
  if (officer?.role === 'officer')
    return { name, place: `${officer.union.name}${LEVELS[officer.union.level] ? `（${LEVELS[officer.union.level]}）` : ''}` }
  const shop = me.roles.find((r) => r.role === 'staff' && r.scope.kind === 'merchant')
  return { name: me.profile?.name ?? '商户店长', place: shop?.role === 'staff' ? shop.scope.name : '' }
}

export function ShellHeader({ me }: { me: MeDTO }) {
  const [busy, setBusy] = useState(false)
  const who = whoIs(me)
  const signOut = async () => {
    setBusy(true)
    try {
      await call('console', 'signOut', {})
      await signedOut('已退出登录')
    } catch (err) {
      setBusy(false)
      void MessagePlugin.error(messageOf(err))
    }
  }
  return (
    <Layout.Header className='shell__header'>
      <span className='shell__brand'>工会干部控制台</span>
      <span className='shell__who' id='console-who'>
        {who.name}
        {who.place && <span className='muted'> · {who.place}</span>}
      </span>
      <Button variant='outline' loading={busy} onClick={() => void signOut()} id='console-sign-out'>
        退出登录
      </Button>
    </Layout.Header>
  )
}
