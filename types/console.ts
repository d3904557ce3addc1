import type { AppCodeImage } from './app-code'

/**
 * The officers' desktop console (issue 18): signed in by scanning a mini-program code with WeChat, no
 * passwords. The browser starts a login request and holds its secret; the phone confirms it; the browser
 * collects a CloudBase custom-login ticket once. Sessions last 8 hours and can be ended from the phone.
 */

/** What the console shows beside its code, and the phone shows before she confirms. */
export interface ConsoleLoginDTO {
  /** The login request's id: the `scene` of the code (≤ 32 characters). */
  loginId: string
  /** Two digits shown on both screens, so she confirms the console in front of her. */
  number: string
  startedAt: number
  expiresAt: number
  /** Where the request came from (its IP address as CloudBase saw it), if known. */
  place: string | null
  /** The browser that asks, as it described itself (not trusted: shown only). */
  device: string | null
  status: 'pending' | 'confirmed' | 'collected' | 'cancelled'
  /**
   * For the phone: why she may not sign in to the console (a member, a cashier, a nurse), in Chinese;
   * null when she may.
   */
  refusal: string | null
}

export interface StartLoginRequest {
  /** The browser's own description (`Chrome · Windows`), shown on the phone. */
  device?: string
}

export interface StartLoginResult extends Omit<ConsoleLoginDTO, 'refusal' | 'status'> {
  /** Only this browser holds it: collecting the ticket needs it, and the code does not contain it. */
  secret: string
  /** The mini-program code that opens the confirm page with `scene` = loginId. */
  code: AppCodeImage
}

export interface LoginRef {
  loginId: string
}

export interface CollectLoginRequest extends LoginRef {
  secret: string
}

/** `waiting`: not confirmed yet (poll again); `signedIn`: the custom-login ticket, handed out once. */
export type CollectLoginResult =
  { status: 'waiting'; expiresAt: number } | { status: 'signedIn'; ticket: string; customUserId: string; sessionExpiresAt: number }

export interface ConsoleSessionDTO {
  id: string
  /** officer: 工会干部; manager: 商户店长 (her merchant's statements only). */
  kind: 'officer' | 'manager'
  startedAt: number
  expiresAt: number
  place: string | null
  device: string | null
  /** The session this call comes from (a console listing its own). */
  current: boolean
}

export interface EndSessionRequest {
  sessionId: string
}

export interface ConsoleActions {
  /** The browser, before sign-in: a new login request and its code. */
  startLogin: [StartLoginRequest, StartLoginResult]
  /** The browser, polling: the ticket once she confirmed, at most once. */
  collectLogin: [CollectLoginRequest, CollectLoginResult]
  /** The phone: which console is asking, and whether she may confirm. */
  describeLogin: [LoginRef, ConsoleLoginDTO]
  confirmLogin: [LoginRef, ConsoleLoginDTO]
  cancelLogin: [LoginRef, ConsoleLoginDTO]
  /** 我的 → 已登录的电脑 (and the console's own list). */
  listSessions: [Record<string, never>, ConsoleSessionDTO[]]
  endSession: [EndSessionRequest, { ended: boolean }]
  /** 退出所有电脑 */
  endAllSessions: [Record<string, never>, { ended: number }]
  /** The console's 退出登录: ends the session it calls from. */
  signOut: [Record<string, never>, { ended: boolean }]
}
