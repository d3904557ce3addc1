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
  // 两癌筛查 (screening)
  NOT_ELIGIBLE: '您不符合本项目的参加条件',
  NOT_RELEASED: '预约尚未开放，请在放号时间后再来',
  BOOKING_CLOSED: '不在预约时间内',
  PRIORITY_ONLY: '当前为优先人群预约时段，请稍后再来',
  SLOT_FULL: '该时段已约满，请选择其他时段或加入候补',
  ALREADY_BOOKED: '您已预约本项目，每人限约一次',
  BRANCH_QUOTA_FULL: '您所在工会的名额已用完',
  CONSENT_REQUIRED: '请阅读并同意最新的个人信息告知',
  CANCEL_DEADLINE_PASSED: '已过取消或改约的截止时间',
  OFFER_EXPIRED: '候补名额已过保留时间',
  BOOKING_NOT_ACTIVE: '该预约已取消或已失效',
  CHECKIN_OUTSIDE_WINDOW: '不在本场次的签到时间内',
  NOT_CHECKED_IN: '该预约尚未签到',
  SESSION_NOT_OVER: '本场次尚未结束',
  // events (集章打卡 · 活动签到)
  EVENT_NOT_OPEN: '活动不在进行中',
  SIGNUP_FULL: '已满，报名人数已达上限',
  SIGNUP_CLOSED: '报名已截止',
  NOT_SIGNED_UP: '您还没有报名该活动',
  ALREADY_STAMPED: '这个展位已经盖过章了，去下一个展位看看吧',
  STAMP_COOLDOWN: '集章太快了，请稍等片刻再扫下一个展位',
  NOT_QUALIFIED: '集章数量还不够兑换这一档礼品',
  OUT_OF_STOCK: '已兑完，库存不足',
  ALREADY_REDEEMED: '该会员已兑换过这一档礼品',
  REDEEM_IN_PROGRESS: '另一兑换台正在处理该会员的兑换，请稍候再扫',
  CHECKIN_NOT_OPEN: '签到尚未开始',
  CHECKIN_CLOSED: '签到已结束',
  TOKEN_OTHER_EVENT: '该二维码不属于本活动',
  TOKEN_REPLAYED: '该二维码已使用过，请刷新后出示新的二维码',
} as const

export type ErrorCode = keyof typeof ERROR_MESSAGES

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value)
}
