/**
 * The console's sign-in by scanning (issue 18), through the real SDK and the emulator: the browser starts a
 * request (its code opens the confirm page with the request as `scene`), an officer's phone confirms, the
 * browser collects a custom-login ticket once; the request expires in 2 minutes; a member, a cashier and
 * a nurse are refused with a reason; every later call as the console is checked against its session,
 * which the phone can end and which ends by itself after 8 hours; sign-ins and sign-outs are audited.
 */
import { randomUUID } from 'node:crypto'
import jsQR from 'jsqr'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { StoredRole } from '../../cloudfunctions/common/member-docs'
import { createConsoleFunction } from '../../cloudfunctions/console/index'
import { createMemberFunction } from '../../cloudfunctions/member/index'
import { checkTicket } from '../../tools/host/console-auth'
import { buildInvocation, type WebCaller } from '../../tools/host/identity'
import { localConsoleLoginKey } from '../../tools/local-secrets'
import type { AppCodeImage } from '~types/app-code'
import type { CollectLoginResult, ConsoleSessionDTO, StartLoginResult } from '~types/console'
import type { Envelope } from '~types/envelope'
import { codePage } from '~types/routes'
import { seedOfficer } from '../support/accounts'
import { startTestEmulator, TEST_APP_URL, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'

// eslint-disable-next-line @typescript-eslint/no-require-imports -- pngjs ships no type declarations
const { PNG } = require('pngjs') as { PNG: { sync: { read(b: Buffer): { width: number; height: number; data: Buffer } } } }

jest.setTimeout(60_000)

let emu: TestEmulator
const T0 = Date.UTC(2026, 11, 7, 1, 0)
let now = T0
const consoleFn = createConsoleFunction({ clock: () => now })
const member = createMemberFunction({ clock: () => now })
const BROWSER: WebCaller = { uid: 'anon-browser', ip: '10.0.0.8' }

/** A call from the browser: anonymous before sign-in, then as the ticket's custom user. */
async function web<T>(main: typeof consoleFn, who: WebCaller, action: string, data: unknown = {}): Promise<Envelope<T>> {
  const { event, context } = buildInvocation('console', { action, data, requestId: randomUUID() }, undefined, who)
  return (await main(event as never, context)) as Envelope<T>
}
const asConsole = (customUserId: string): WebCaller => ({ uid: `u-${customUserId}`, customUserId })
const codeOf = (e: Envelope<unknown>) => (e.ok ? 'ok' : e.code)

function sceneOf(image: AppCodeImage): string {
  const img = PNG.sync.read(Buffer.from(image.dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'))
  const found = jsQR(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), img.width, img.height)
  if (!found) throw new Error('no QR in the image')
  expect(found.data.startsWith(`${TEST_APP_URL}/#/${codePage('consoleLogin')}?scene=`)).toBe(true)
  return decodeURIComponent(new URL(found.data.replace('/#/', '/')).searchParams.get('scene')!)
}

async function seedUser(openid: string, roles: StoredRole[]): Promise<void> {
  await emu.db
    .collection(COLLECTIONS.users)
    .add({ _id: openid, rosterId: null, verifiedAt: null, roles, deletionRequestedAt: null, createdAt: 0, updatedAt: 0 })
}

/** Start in the browser, confirm on the officer's phone, collect: the console's custom user id. */
async function signIn(
  openid = 'o-officer',
): Promise<{ start: StartLoginResult; collected: Extract<CollectLoginResult, { status: 'signedIn' }> }> {
  const start = okData(await web<StartLoginResult>(consoleFn, BROWSER, 'startLogin', { device: 'Chrome · Windows' }))
  okData(await invoke(consoleFn, openid, 'confirmLogin', { loginId: sceneOf(start.code) }))
  const collected = okData(
    await web<CollectLoginResult>(consoleFn, BROWSER, 'collectLogin', { loginId: start.loginId, secret: start.secret }),
  )
  if (collected.status !== 'signedIn') throw new Error('not signed in')
  return { start, collected }
}

beforeAll(async () => {
  emu = await startTestEmulator()
  process.env.CONSOLE_LOGIN_KEY = localConsoleLoginKey()
  await seedOfficer(emu.db, 'o-officer')
  await seedUser('o-cashier', [{ role: 'staff', scope: { kind: 'merchant', id: 'm-1', name: '苏果超市' } }])
  await seedUser('o-manager', [{ role: 'staff', scope: { kind: 'merchant', id: 'm-1-mgr', name: '苏果超市' } }])
  await seedUser('o-nurse', [{ role: 'staff', scope: { kind: 'site', id: 'site-1', name: '市妇幼保健院' } }])
  await seedUser('o-member', [])
})
beforeEach(() => {
  now = T0
})
afterAll(() => emu.stop())

test('start → the phone sees which console asks → confirm → the browser collects a ticket once', async () => {
  const start = okData(await web<StartLoginResult>(consoleFn, BROWSER, 'startLogin', { device: 'Chrome · Windows' }))
  expect(start).toMatchObject({
    number: expect.stringMatching(/^\d{2}$/),
    expiresAt: T0 + 120_000,
    place: '10.0.0.8',
    device: 'Chrome · Windows',
  })
  const loginId = sceneOf(start.code)
  expect(loginId).toBe(start.loginId)
  expect(loginId.length).toBeLessThanOrEqual(32)
  // the secret is not in the code, nor in the database
  const stored = (await emu.db.collection(COLLECTIONS.consoleLogins).doc(loginId).get()).data[0]
  expect(JSON.stringify(stored)).not.toContain(start.secret)

  expect(okData(await web<CollectLoginResult>(consoleFn, BROWSER, 'collectLogin', { loginId, secret: start.secret }))).toEqual({
    status: 'waiting',
    expiresAt: start.expiresAt,
  })
  const seen = okData(await invoke(consoleFn, 'o-officer', 'describeLogin', { loginId }))
  expect(seen).toMatchObject({ number: start.number, place: '10.0.0.8', device: 'Chrome · Windows', status: 'pending', refusal: null })
  now += 30_000
  expect(okData(await invoke(consoleFn, 'o-officer', 'confirmLogin', { loginId }))).toMatchObject({ status: 'confirmed' })
  // a photo of the code: the id without the secret collects nothing
  const photo = await web(consoleFn, { uid: 'anon-thief' }, 'collectLogin', { loginId, secret: 'x'.repeat(43) })
  expect(codeOf(photo)).toBe('NOT_FOUND')
  const got = okData(await web<CollectLoginResult>(consoleFn, BROWSER, 'collectLogin', { loginId, secret: start.secret }))
  if (got.status !== 'signedIn') throw new Error('expected a ticket')
  expect(got.customUserId).toMatch(/^console-[A-Za-z0-9]{24}$/)
  expect(got.sessionExpiresAt).toBe(now + 8 * 3600_000)
  // a ticket CloudBase (here the local host) accepts: signed with the custom-login key, for this id
  expect(checkTicket(got.ticket, process.env.CONSOLE_LOGIN_KEY, now)).toMatchObject({ uid: got.customUserId })
  // single use: a second collection is refused, and the phone cannot confirm it again
  expect(codeOf(await web(consoleFn, BROWSER, 'collectLogin', { loginId, secret: start.secret }))).toBe('LOGIN_USED')
  expect(codeOf(await invoke(consoleFn, 'o-officer', 'confirmLogin', { loginId }))).toBe('LOGIN_USED')

  // as the console she is herself, with exactly the auth each action declares
  const me = okData(await web<{ roles: { role: string }[] }>(member as never, asConsole(got.customUserId), 'me'))
  expect(me.roles.some((r) => r.role === 'officer')).toBe(true)
  expect(codeOf(await web(member as never, asConsole(got.customUserId), 'listDeletionRequests'))).toBe('ok')
  // an anonymous browser reaches only startLogin/collectLogin, and cannot name an openid in the event it sends
  expect(codeOf(await web(member as never, BROWSER, 'me'))).toBe('UNAUTHENTICATED')
  const { event, context } = buildInvocation('member', { action: 'me', data: {}, requestId: randomUUID() }, undefined, BROWSER)
  const forged = await member({ ...event, userInfo: { openId: 'o-officer', appId: 'x' } } as never, context)
  expect(codeOf(forged as Envelope<unknown>)).toBe('UNAUTHENTICATED')
  expect(codeOf(await web(consoleFn, BROWSER, 'listSessions'))).toBe('UNAUTHENTICATED')
})

test('the request expires after 2 minutes (confirm and collect refused); the hourly timer clears old requests', async () => {
  const start = okData(await web<StartLoginResult>(consoleFn, BROWSER, 'startLogin', {}))
  now += 120_000
  expect(codeOf(await invoke(consoleFn, 'o-officer', 'describeLogin', { loginId: start.loginId }))).toBe('LOGIN_EXPIRED')
  expect(codeOf(await invoke(consoleFn, 'o-officer', 'confirmLogin', { loginId: start.loginId }))).toBe('LOGIN_EXPIRED')
  expect(codeOf(await web(consoleFn, BROWSER, 'collectLogin', { loginId: start.loginId, secret: start.secret }))).toBe('LOGIN_EXPIRED')
  now = T0 + 3600_000 + 1
  await consoleFn({ Type: 'Timer', TriggerName: 'sweep', Time: new Date(now).toISOString() } as never, {})
  expect(codeOf(await invoke(consoleFn, 'o-officer', 'describeLogin', { loginId: start.loginId }))).toBe('NOT_FOUND')
})

test('a member, a cashier and a nurse are refused with a reason; a merchant manager may sign in; 取消 ends a request', async () => {
  const start = okData(await web<StartLoginResult>(consoleFn, BROWSER, 'startLogin', {}))
  const reasons: Record<string, string> = {}
  for (const who of ['o-member', 'o-cashier', 'o-nurse']) {
    expect(okData(await invoke(consoleFn, who, 'describeLogin', { loginId: start.loginId })).refusal).toMatch(/不能登录控制台/)
    const res = await invoke(consoleFn, who, 'confirmLogin', { loginId: start.loginId })
    expect(codeOf(res)).toBe('CONSOLE_NOT_ALLOWED')
    reasons[who] = res.ok ? '' : res.message
  }
  expect(reasons['o-member']).toMatch(/^会员不能登录控制台/)
  expect(reasons['o-cashier']).toMatch(/^商户核销员不能登录控制台/)
  expect(reasons['o-nurse']).toMatch(/^筛查点工作人员不能登录控制台/)
  // nothing moved: the manager still can
  expect(okData(await invoke(consoleFn, 'o-manager', 'confirmLogin', { loginId: start.loginId }))).toMatchObject({ status: 'confirmed' })
  const other = okData(await web<StartLoginResult>(consoleFn, BROWSER, 'startLogin', {}))
  okData(await invoke(consoleFn, 'o-officer', 'cancelLogin', { loginId: other.loginId }))
  expect(codeOf(await web(consoleFn, BROWSER, 'collectLogin', { loginId: other.loginId, secret: other.secret }))).toBe('LOGIN_CANCELLED')
})

test('a session ended on the phone refuses the next console call; 退出所有电脑; 8 hours; the audit log', async () => {
  okData(await invoke(consoleFn, 'o-officer', 'endAllSessions', {})) // the first test's session
  const a = (await signIn()).collected
  const b = (await signIn()).collected
  const sessions = okData(await invoke<ConsoleSessionDTO[]>(consoleFn, 'o-officer', 'listSessions', {}))
  expect(sessions.map((s) => s.id).sort()).toEqual([a.customUserId, b.customUserId].map((id) => id.slice('console-'.length)).sort())
  expect(sessions[0]).toMatchObject({ kind: 'officer', place: '10.0.0.8', device: 'Chrome · Windows', current: false })
  // the console lists its own as current
  const fromConsole = okData(await web<ConsoleSessionDTO[]>(consoleFn, asConsole(a.customUserId), 'listSessions'))
  expect(fromConsole.find((s) => s.current)?.id).toBe(a.customUserId.slice('console-'.length))

  const idA = a.customUserId.slice('console-'.length)
  expect(okData(await invoke(consoleFn, 'o-officer', 'endSession', { sessionId: idA }))).toEqual({ ended: true })
  expect(okData(await invoke(consoleFn, 'o-officer', 'endSession', { sessionId: idA }))).toEqual({ ended: false })
  const refused = await web(member as never, asConsole(a.customUserId), 'me')
  expect(refused).toMatchObject({ ok: false, code: 'SESSION_ENDED', message: '控制台登录已失效，请重新扫码登录' })
  // someone else cannot end hers
  expect(okData(await invoke(consoleFn, 'o-manager', 'endSession', { sessionId: b.customUserId.slice(8) }))).toEqual({ ended: false })
  expect(codeOf(await web(member as never, asConsole(b.customUserId), 'me'))).toBe('ok')

  // 8 hours after sign-in the session ends by itself
  now += 8 * 3600_000
  expect(codeOf(await web(member as never, asConsole(b.customUserId), 'me'))).toBe('SESSION_ENDED')
  expect(okData(await invoke<ConsoleSessionDTO[]>(consoleFn, 'o-officer', 'listSessions', {}))).toEqual([])

  // later that day: two more sign-ins; 退出所有电脑 ends both (the expired one is not counted again)
  const c = (await signIn()).collected
  const d = (await signIn()).collected
  expect(okData(await invoke(consoleFn, 'o-officer', 'endAllSessions', {}))).toEqual({ ended: 2 })
  for (const s of [c, d]) expect(codeOf(await web(member as never, asConsole(s.customUserId), 'me'))).toBe('SESSION_ENDED')
  const e = (await signIn()).collected
  expect(okData(await web(consoleFn, asConsole(e.customUserId), 'signOut'))).toEqual({ ended: true })
  expect(codeOf(await web(consoleFn, asConsole(e.customUserId), 'listSessions'))).toBe('SESSION_ENDED')

  const audit = (await emu.db.collection(COLLECTIONS.auditLog).where({ actor: 'o-officer' }).limit(100).get()).data as {
    action: string
    target: string
    by?: string
  }[]
  const of = (id: string) => audit.filter((x) => x.target === `session=${id.slice(8)}`).map((x) => `${x.action}${x.by ? `:${x.by}` : ''}`)
  expect(of(a.customUserId)).toEqual(['console.signIn', 'console.signOut:phone'])
  expect(of(c.customUserId)).toEqual(['console.signIn', 'console.signOut:phone'])
  expect(of(e.customUserId)).toEqual(['console.signIn', 'console.signOut:console'])
})
