/**
 * What WeChat answers when it refuses, as the local WeChat answers it: `{errcode, errmsg}` in the JSON body,
 * errmsg in WeChat's own form (English, followed by ` rid: …`, a request id). Sources per code in docs/wechat.md.
 */
import { randomBytes } from 'node:crypto'

export const WX = {
  /** -1 系统繁忙，此时请开发者稍候再试 (every API). */
  BUSY: { errcode: -1, errmsg: 'system error' },
  /** subscribeMessage.send: template_id 不正确. */
  BAD_TEMPLATE: { errcode: 40037, errmsg: 'invalid template_id' },
  /** subscribeMessage.send: 模板参数不准确 (a keyword value breaks its type's rule). */
  BAD_DATA: { errcode: 47003, errmsg: 'argument invalid!' },
  /** subscribeMessage.send, wxacode.getUnlimited: page 路径不正确. */
  BAD_PAGE: { errcode: 41030, errmsg: 'invalid page' },
  /** subscribeMessage.send: 用户拒绝接受消息 (no opt-in left for that template). */
  REFUSED: { errcode: 43101, errmsg: 'user refuse to accept the msg' },
  /** wxacode.getUnlimited: scene 不合法. */
  BAD_SCENE: { errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' },
  /** phonenumber.getPhoneNumber: code 无效 (unknown, used, or older than 5 minutes). */
  BAD_CODE: { errcode: 40029, errmsg: 'invalid code' },
  /** security.msgSecCheck: openid 无效. */
  BAD_OPENID: { errcode: 40003, errmsg: 'invalid openid' },
  /** security.msgSecCheck: 场景值错误. */
  BAD_TEXT_SCENE: { errcode: 40129, errmsg: 'invalid scene' },
  /** security.msgSecCheck: 传递的参数为空. */
  EMPTY: { errcode: 44002, errmsg: 'empty post data' },
  /** security.msgSecCheck: 传递的参数格式不对 (content over 2,500 characters). */
  BAD_FORMAT: { errcode: 47001, errmsg: 'data format error' },
} as const

export interface WxError {
  errcode: number
  errmsg: string
}

/** WeChat's errmsg form: the message, an optional detail, and the request id it ends with. */
export function wxError(e: WxError, detail?: string): WxError {
  const rid = `${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`
  return { errcode: e.errcode, errmsg: `${detail ?? e.errmsg} rid: ${rid}` }
}
