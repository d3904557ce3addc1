import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import tcb from '@cloudbase/node-sdk'
import { localConsoleLoginKey } from '../local-secrets'
import { checkTicket, createConsoleAuth } from './console-auth'

/** A ticket as the console function makes one: node-sdk's own createTicket with the key. */
function ticketFor(rawKey: string, uid: string): string {
  const key = JSON.parse(Buffer.from(rawKey, 'base64').toString('utf8')) as { env_id: string }
  return tcb
    .init({ env: key.env_id, credentials: key as never })
    .auth()
    .createTicket(uid, { refresh: 3600_000 })
}
const request = (authorization?: string) =>
  ({ headers: authorization ? { authorization } : {}, socket: { remoteAddress: '10.1.2.3' } }) as IncomingMessage

const KEY = localConsoleLoginKey()
const OTHER = localConsoleLoginKey()
const saved = process.env.CONSOLE_LOGIN_KEY
beforeAll(() => {
  process.env.TENCENTCLOUD ??= 'true' // no metadata probe: nothing here talks to Tencent Cloud
  process.env.CONSOLE_LOGIN_KEY = KEY
})
afterAll(() => {
  process.env.CONSOLE_LOGIN_KEY = saved
})

test('a ticket holds only with the key it was signed by, for its 10 minutes', () => {
  const ticket = ticketFor(KEY, 'console-abcdefgh')
  expect(checkTicket(ticket, KEY, Date.now())).toMatchObject({ uid: 'console-abcdefgh', env: 'local' })
  expect(checkTicket(ticket, OTHER, Date.now())).toBeNull()
  expect(checkTicket(ticket, KEY, Date.now() + 11 * 60_000)).toBeNull()
  const [kid, jwt] = ticket.split('/@@/')
  const [h, body, sig] = jwt.split('.')
  const forged = Buffer.from(
    JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), uid: 'console-zzzzzzzz' }),
  ).toString('base64url')
  expect(checkTicket(`${kid}/@@/${h}.${forged}.${sig}`, KEY, Date.now())).toBeNull()
  expect(checkTicket(randomUUID(), KEY, Date.now())).toBeNull()
})

test('a ticket signs in once; its token makes the calls a custom user, anything else is anonymous', () => {
  const auth = createConsoleAuth()
  const ticket = ticketFor(KEY, 'console-abcdefgh')
  const signed = auth.signIn(ticket)!
  expect(signed.customUserId).toBe('console-abcdefgh')
  expect(auth.signIn(ticket)).toBeNull()
  expect(auth.webCaller(request(`Bearer ${signed.token}`))).toEqual({
    uid: 'local-console-abcdefgh',
    customUserId: 'console-abcdefgh',
    ip: '10.1.2.3',
  })
  expect(auth.webCaller(request('Bearer nope'))).toEqual({ uid: 'local-anonymous', ip: '10.1.2.3' })
  expect(auth.webCaller(request())).toEqual({ uid: 'local-anonymous', ip: '10.1.2.3' })
})
