/**
 * Every expected failure has a stable code. The client shows exactly one Chinese
 * message per code; functions return the same message so logs read the same.
 */
export const ERROR_MESSAGES = {
  INVALID_ARGUMENT: '提交的信息有误，请检查后重试',
  UNAUTHENTICATED: '请先登录',
  NOT_VERIFIED: '请先完成会员认证',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '没有找到相关记录',
  UNKNOWN_ACTION: '不支持的操作',
  RATE_LIMITED: '尝试次数过多，请稍后再试',
  VERIFY_MISMATCH: '姓名与会员证号（或手机号）不匹配，请核对后重试',
  ROSTER_ALREADY_BOUND: '该会员信息已被其他微信账号绑定，如有疑问请联系所在工会',
  ALREADY_VERIFIED: '您已完成会员认证',
  INVITE_INVALID: '邀请码无效，请向工会干部确认',
  INVITE_EXPIRED: '邀请码已过期，请联系工会干部重新生成',
  INVITE_USED: '邀请码已被使用',
  TOKEN_INVALID: '二维码无效',
  TOKEN_EXPIRED: '二维码已过期，请刷新后重试',
  TOKEN_WRONG_PURPOSE: '二维码用途不符',
  TOKEN_REVOKED: '该二维码已停用，请扫描现场最新的二维码',
  CONFLICT: '数据已被他人修改，请刷新后重试',
  DEADLINE_EXCEEDED: '请求超时，请稍后重试',
  UNAVAILABLE: '服务暂时不可用，请稍后重试',
  NETWORK_ERROR: '网络连接失败，请检查网络后重试',
  INTERNAL: '系统繁忙，请稍后重试',
} as const

export type ErrorCode = keyof typeof ERROR_MESSAGES

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value)
}
