/**
 * The console's one way to the functions, typed exactly as the mini-program's (src/services/api.ts): from
 * `types/functions.ts` FunctionActions, through the same `invoke` (retries reuse the request id, so a
 * retried change is answered with its first outcome). A call that finds the session ended signs out.
 */
import type { FunctionActions } from '~types/functions'
import { ApiError } from '~src/services/api-error'
import { invoke } from '~src/services/invoke'
import { newRequestId } from '~src/services/request-id'
import { signedOut } from './session'
import { transport } from './transport'

export { ApiError, messageOf } from '~src/services/api-error'

export type FunctionName = keyof FunctionActions
export type ActionName<F extends FunctionName> = keyof FunctionActions[F] & string
type Pair<F extends FunctionName, A extends ActionName<F>> = FunctionActions[F][A]
export type RequestOf<F extends FunctionName, A extends ActionName<F>> = Pair<F, A> extends [infer Q, unknown] ? Q : never
export type ResponseOf<F extends FunctionName, A extends ActionName<F>> = Pair<F, A> extends [unknown, infer R] ? R : never

export async function call<F extends FunctionName, A extends ActionName<F>>(
  fnName: F,
  action: A,
  data: RequestOf<F, A>,
): Promise<ResponseOf<F, A>> {
  const body = { action, data, requestId: newRequestId() }
  try {
    return await invoke<ResponseOf<F, A>>(fnName, body, { transport: transport() })
  } catch (err) {
    if (err instanceof ApiError && (err.code === 'SESSION_ENDED' || err.code === 'UNAUTHENTICATED')) {
      await signedOut(err.message)
    }
    throw err
  }
}
