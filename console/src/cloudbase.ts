/**
 * Production calls through @cloudbase/js-sdk, loaded only when the console is built for an environment
 * (this module is imported lazily): the core, auth and functions modules only, as the SDK's README allows
 * (`@cloudbase/js-sdk/app` + `registerAuth` + `registerFunctions`), not the whole package.
 */
import cloudbase from '@cloudbase/js-sdk/app'
import { registerAuth } from '@cloudbase/js-sdk/auth'
import { registerFunctions } from '@cloudbase/js-sdk/functions'
import { cloudEnv } from './cloud-env'

registerAuth(cloudbase)
registerFunctions(cloudbase)

type App = ReturnType<typeof cloudbase.init>
let app: App | undefined
const appOf = (): App => (app ??= cloudbase.init({ env: cloudEnv()! }))

/** Before sign-in the browser is an anonymous CloudBase user (enable 匿名登录 in the environment): startLogin/collectLogin accept it. */
async function ensureSomeLogin(): Promise<void> {
  const auth = appOf().auth({ persistence: 'session' })
  if (!(await auth.getLoginState())) await auth.signInAnonymously()
}

export async function signInWithTicket(ticket: string): Promise<void> {
  await appOf()
    .auth({ persistence: 'session' })
    .signInWithCustomTicket(() => Promise.resolve(ticket))
}

export async function signOutOfCloud(): Promise<void> {
  await appOf().auth({ persistence: 'session' }).signOut()
}

export async function callCloud(name: string, data: unknown): Promise<unknown> {
  await ensureSomeLogin()
  const res = await appOf().callFunction({ name, data: data as Record<string, unknown> })
  return (res as { result?: unknown }).result
}
