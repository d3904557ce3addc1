import { ApiError } from '~src/services/api-error'

/**
 * The code's one message cannot say which field WeChat's content check refused: for CONTENT_RISKY
 * with a field she knows by name, the message naming it (自我介绍含有不适宜发布的内容…); else undefined.
 */
export function ownTextMessage(err: unknown, labels: Record<string, string>): string | undefined {
  const label = err instanceof ApiError && err.code === 'CONTENT_RISKY' && err.field ? labels[err.field] : undefined
  return label ? `${label}含有不适宜发布的内容，请修改后再提交` : undefined
}
