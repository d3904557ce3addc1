import Taro from '@tarojs/taro'
import type { FunctionActions } from '~types/functions'
import { invoke, type Transport } from './invoke'
import { newRequestId } from './request-id'
import { h5Transport, weappTransport } from './transports'

export { ApiError, messageOf } from './api-error'

export type FunctionName = keyof FunctionActions
export type ActionName<F extends FunctionName> = keyof FunctionActions[F] & string
type Pair<F extends FunctionName, A extends ActionName<F>> = FunctionActions[F][A]
export type RequestOf<F extends FunctionName, A extends ActionName<F>> = Pair<F, A> extends [infer Q, unknown] ? Q : never
export type ResponseOf<F extends FunctionName, A extends ActionName<F>> = Pair<F, A> extends [unknown, infer R] ? R : never

export interface CallOptions {
  /** No loading indicator (background refreshes). */
  silent?: boolean
  /** Text beside the loading indicator. */
  loadingText?: string
}

const LOADING_DELAY_MS = 300
let loadingCount = 0

/** Shows the loading indicator only for calls that take noticeably long, and once for overlapping calls. */
function startLoading(text: string): () => void {
  let shown = false
  const timer = setTimeout(() => {
    shown = true
    if (loadingCount++ === 0) Taro.showLoading({ title: text, mask: true })
  }, LOADING_DELAY_MS)
  return () => {
    clearTimeout(timer)
    if (shown && --loadingCount === 0) Taro.hideLoading()
  }
}

function transport(): Transport {
  return process.env.TARO_ENV === 'h5' ? h5Transport : weappTransport
}

/**
 * The one way pages reach the back end. Resolves to the action's typed
 * response, or throws an ApiError whose message is the Chinese text to show.
 * Retry-safe by default: every call carries a request id that its retries reuse,
 * and the server answers a retried mutation with its first outcome.
 */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  fnName: F,
  action: A,
  data: RequestOf<F, A>,
  options: CallOptions = {},
): Promise<ResponseOf<F, A>> {
  const body = { action, data, requestId: newRequestId() }
  const stop = options.silent ? () => undefined : startLoading(options.loadingText ?? '加载中')
  try {
    return await invoke<ResponseOf<F, A>>(fnName, body, { transport: transport() })
  } finally {
    stop()
  }
}
