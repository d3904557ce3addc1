import { type ComponentType, lazy, type LazyExoticComponent, Suspense } from 'react'
import { Alert, Layout, Loading, Menu } from 'tdesign-react'
import type { MeDTO } from '~types/member'
import { call } from '../api'
import { ComingSoon } from '../pages/coming-soon'
import { useRemote } from '../use-remote'
import { ShellHeader } from './shell-header'
import { type MenuEntry, menuFor } from './menu'
import { useHashPage } from './use-hash-page'
import './shell.css'

/** Each page's lazy component, made once: React keeps a loaded page instead of loading it again. */
const loaded = new Map<string, LazyExoticComponent<ComponentType>>()

function PageFor({ entry }: { entry: MenuEntry }) {
  if (!entry.page) return <ComingSoon title={entry.label} />
  let Page = loaded.get(entry.key)
  if (!Page) loaded.set(entry.key, (Page = lazy(entry.page)))
  return (
    <Suspense fallback={<Loading text='正在打开…' />}>
      <Page />
    </Suspense>
  )
}

/** The desktop layout: the menu of her pages on the left, who she is and 退出登录 on top. */
export function ConsoleShell() {
  const me = useRemote(() => call('member', 'me', {}))
  if (!me.data) {
    return (
      <div className='shell__loading'>{me.error ? <Alert theme='error' message={me.error} /> : <Loading text='正在读取您的身份…' />}</div>
    )
  }
  return <SignedIn me={me.data} />
}

function SignedIn({ me }: { me: MeDTO }) {
  const entries = menuFor(me.roles)
  const [page, go] = useHashPage(entries[0].key)
  const entry = entries.find((e) => e.key === page) ?? entries[0]
  return (
    <Layout className='shell'>
      <ShellHeader me={me} />
      <Layout>
        <Layout.Aside className='shell__aside' width='200px'>
          <Menu value={entry.key} onChange={(v) => go(String(v))} width='200px'>
            {entries.map((e) => (
              <Menu.MenuItem key={e.key} value={e.key}>
                {e.label}
              </Menu.MenuItem>
            ))}
          </Menu>
        </Layout.Aside>
        <Layout.Content className='shell__content'>
          <PageFor entry={entry} />
        </Layout.Content>
      </Layout>
    </Layout>
  )
}
