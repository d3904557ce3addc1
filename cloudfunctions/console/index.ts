import { action, defineFunction, type FunctionDeps } from '../common/function'
import { servicesOf as s } from './console.context'
import * as schema from './console.schema'

/**
 * The officers' desktop console (issue 18): sign in by scanning, and the sessions it opens; the contract
 * is ConsoleActions. The browser starts and collects before it is anyone (`anyone`); the phone describes,
 * confirms and cancels as herself (`caller`: her role is checked by the service, which says why not); her
 * sessions are hers to list and end, from the phone or from the console itself.
 */
export function createConsoleFunction(deps: FunctionDeps = {}) {
  return defineFunction(
    'console',
    {
      startLogin: action({
        input: schema.startLoginSchema,
        auth: 'anyone',
        run: (req, c) => s(c).login.start(req.device, c.principal.kind === 'web' ? c.principal.ip : null),
      }),
      // single use by its own conditional update (console-login.service.ts): a retry is refused LOGIN_USED
      collectLogin: action({
        input: schema.collectLoginSchema,
        auth: 'anyone',
        run: (req, c) => s(c).login.collect(req.loginId, req.secret),
      }),
      describeLogin: action({ input: schema.loginRefSchema, auth: 'caller', run: (req, c) => s(c).login.describe(req.loginId, c.account) }),
      confirmLogin: action({ input: schema.loginRefSchema, auth: 'caller', run: (req, c) => s(c).login.confirm(req.loginId, c.account) }),
      cancelLogin: action({ input: schema.loginRefSchema, auth: 'caller', run: (req, c) => s(c).login.cancel(req.loginId) }),
      listSessions: action({
        input: schema.noInput,
        auth: 'caller',
        run: (_, c) => s(c).sessions.list(c.openid, c.principal.kind === 'console' ? c.principal.sessionId : null),
      }),
      // ending twice ends once: the second answers {ended: false}, so no request marker is needed
      endSession: action({
        input: schema.endSessionSchema,
        auth: 'caller',
        run: (req, c) => s(c).sessions.end(c.openid, req.sessionId, c.principal.kind === 'console' ? 'console' : 'phone'),
      }),
      endAllSessions: action({ input: schema.noInput, auth: 'caller', run: (_, c) => s(c).sessions.endAll(c.openid) }),
      signOut: action({
        input: schema.noInput,
        auth: 'caller',
        run: (_, c) =>
          c.principal.kind === 'console'
            ? s(c).sessions.end(c.openid, c.principal.sessionId, 'console')
            : Promise.resolve({ ended: false }),
      }),
    },
    deps,
    { onTimer: (t) => s(t).sweep() },
  )
}

export const main = createConsoleFunction()
