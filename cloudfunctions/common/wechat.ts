/**
 * The WeChat port: the ONLY code in the functions that talks to WeChat (DESIGN.md, "ports").
 * Services ask through this interface; `getWechat()` hands them the one adapter, which calls WeChat
 * through cloud call (云调用, `wx-server-sdk` `cloud.openapi.*`, wechat.cloud.ts). Locally and in
 * tests the same adapter is pointed at the local WeChat (tools/wechat/) by `WX_SERVICE_URL`, exactly
 * as the database is pointed at the local CloudBase emulator, so every test runs the whole path.
 * Answers are data, never throws for what WeChat refuses: a caller decides what a refusal means.
 */
import type { PagePath } from '~types/routes'

/** A WeChat refusal as WeChat reports it (`errcode`), and whether trying again later may succeed. */
export interface WechatRefusal {
  ok: false
  errcode: number
  errmsg: string
  /** -1 system busy, a network failure, a CloudBase rate refusal: retry later. 43101, 40037, 47003, 41030: never. */
  transient: boolean
}

export type WechatAnswer<T> = ({ ok: true } & T) | WechatRefusal

/** One keyword value of a subscription message, as `subscribeMessage.send` takes it. */
export type TemplateData = Record<string, { value: string }>

export interface SubscribeMessage {
  touser: string
  templateId: string
  /** A page of the app, from the route table, with its query (`pages/x/index?id=1`). */
  page: string
  data: TemplateData
}

/** `security.msgSecCheck` v2 scenes: 1 资料 (a profile), 2 评论 (a comment or report), 3 论坛, 4 社交日志. */
export type TextScene = 1 | 2 | 3 | 4

export interface TextVerdict {
  suggest: 'pass' | 'review' | 'risky'
  /** WeChat's label: 100 normal, 10001 ads, 20001 politics, 20002 porn, 20003 abuse, 20006 crime, 21000 other. */
  label: number
}

export interface PhoneNumber {
  /** With the country code's prefix when not +86 (`phoneNumber` in WeChat's answer). */
  phoneNumber: string
  /** Without the country code (`purePhoneNumber`): what the roster holds. */
  purePhoneNumber: string
  countryCode: string
}

export interface WechatPort {
  /** 订阅消息 `subscribeMessage.send`: spends one of her one-time opt-ins for that template. */
  sendSubscribeMessage(m: SubscribeMessage): Promise<WechatAnswer<{ msgid?: string }>>
  /**
   * 小程序码 `wxacode.getUnlimited`: `page` without a query, `scene` ≤ 32 visible characters.
   * Costs a call each time: callers keep the image (wechat-codes.ts), never ask per view.
   */
  codeFor(page: PagePath, scene: string): Promise<WechatAnswer<{ contentType: string; image: Buffer }>>
  /** 内容安全 `security.msgSecCheck` v2; `openid` must have opened the app in the last 2 hours (ask during her call). */
  checkText(input: { openid: string; scene: TextScene; content: string }): Promise<WechatAnswer<TextVerdict>>
  /** 手机号快速验证 `phonenumber.getPhoneNumber`, from the code of `<button open-type="getPhoneNumber">`. Paid per call. */
  phoneNumber(code: string): Promise<WechatAnswer<PhoneNumber>>
}
