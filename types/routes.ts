/**
 * Every page of the app with the query parameters it reads, in one place: pages
 * navigate with `routeUrl`, the server's notices link with `noticePage`, so a
 * link can never name a parameter its page does not read (the screening notices
 * once sent `programmeId` to a page reading `id`).
 */

interface RouteDef<Req extends string, Opt extends string> {
  /** The page as declared in app.config.ts (no leading slash). */
  path: string
  required: readonly Req[]
  optional: readonly Opt[]
}

function page<Req extends string = never, Opt extends string = never>(
  path: string,
  required: readonly Req[] = [],
  optional: readonly Opt[] = [],
): RouteDef<Req, Opt> {
  return { path, required, optional }
}

const S = 'packages/screening/pages'
const E = 'packages/events/pages'
const V = 'packages/vouchers/pages'
const M = 'packages/matchmaking/pages'

export const ROUTES = {
  home: page('pages/index/index'),
  me: page('pages/me/index'),
  // back: the page to return to once she is verified (a page of this table, e.g. the stamp page whose code she scanned).
  verify: page('pages/verify/index', [], ['back']),
  login: page('pages/login/index'),
  staff: page('pages/staff/index', [], ['code', 'scene']),
  officer: page('pages/officer/index'),
  /** The local demo's 微信通知 (her delivered subscription messages); H5 only. */
  wechatMessages: page('pages/wechat/index'),
  /** The officers' console (issue 18): confirm a console's sign-in (`scene` = its login request); without it, 已登录的电脑. */
  consoleLogin: page('pages/console-login/index', [], ['scene']),
  // 两癌筛查
  screeningList: page(`${S}/index/index`),
  screeningProgramme: page(`${S}/programme/index`, ['id']),
  screeningBook: page(`${S}/book/index`, ['id'], ['mode']),
  screeningBooking: page(`${S}/booking/index`, ['id']),
  screeningOutbox: page(`${S}/outbox/index`, [], ['all']),
  screeningDesk: page(`${S}/desk/index`),
  screeningSession: page(`${S}/session/index`, ['id'], ['title']),
  screeningAdmin: page(`${S}/admin/index`, [], ['id']),
  screeningProgrammeEdit: page(`${S}/programme-edit/index`, [], ['id']),
  // 集章打卡 · 活动签到
  eventsList: page(`${E}/index/index`),
  eventsStampCard: page(`${E}/stamp-card/index`, ['id'], ['scene']),
  eventsGiftCode: page(`${E}/gift-code/index`, ['id', 'tier']),
  eventsMine: page(`${E}/mine/index`),
  eventsCheckin: page(`${E}/checkin/index`, ['id'], ['scene']),
  eventsStaff: page(`${E}/staff/index`),
  eventsGiftDesk: page(`${E}/gift-desk/index`, [], ['id']),
  eventsStation: page(`${E}/station/index`, ['id']),
  eventsOfficer: page(`${E}/officer/index`),
  eventsEdit: page(`${E}/edit/index`, [], ['id']),
  eventsBoothCodes: page(`${E}/booth-codes/index`, ['id']),
  eventsDashboard: page(`${E}/dashboard/index`, ['id']),
  // 工会消费券
  vouchers: page(`${V}/index/index`),
  vouchersMine: page(`${V}/mine/index`),
  vouchersCode: page(`${V}/code/index`, ['id']),
  vouchersTill: page(`${V}/till/index`, [], ['merchant']),
  vouchersToday: page(`${V}/today/index`, ['merchant']),
  vouchersStatement: page(`${V}/statement/index`, ['merchant'], ['period', 'date']),
  vouchersMerchants: page(`${V}/merchants/index`),
  vouchersCampaigns: page(`${V}/campaigns/index`),
  vouchersDashboard: page(`${V}/dashboard/index`, ['id']),
  // 会聚良缘
  matchmaking: page(`${M}/index/index`),
  matchmakingMixer: page(`${M}/mixer/index`, ['id']),
  matchmakingProfile: page(`${M}/profile/index`, [], ['back']),
  matchmakingMine: page(`${M}/mine/index`, ['id']),
  matchmakingPick: page(`${M}/pick/index`, ['id']),
  matchmakingMatches: page(`${M}/matches/index`, ['id']),
  matchmakingReport: page(`${M}/report/index`, ['id']),
  matchmakingStation: page(`${M}/station/index`, [], ['id']),
  matchmakingOfficer: page(`${M}/officer/index`),
  matchmakingEdit: page(`${M}/edit/index`, [], ['id']),
  matchmakingReview: page(`${M}/review/index`, ['id']),
  matchmakingReports: page(`${M}/reports/index`),
  matchmakingTexts: page(`${M}/texts/index`),
} as const

export type RouteName = keyof typeof ROUTES

type ReqOf<N extends RouteName> = (typeof ROUTES)[N] extends RouteDef<infer R, string> ? R : never
type OptOf<N extends RouteName> = (typeof ROUTES)[N] extends RouteDef<string, infer O> ? O : never

/** The parameters a page reads: the required ones must be given, nothing else may be. */
export type RouteParams<N extends RouteName> = { [K in ReqOf<N>]: string } & { [K in OptOf<N>]?: string }

type ParamArg<N extends RouteName> = [ReqOf<N>] extends [never] ? [params?: RouteParams<N>] : [params: RouteParams<N>]

function query(params: Record<string, string | undefined> | undefined): string {
  const parts = Object.entries(params ?? {})
    .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

/** A page path that came out of this table (the server's notices accept nothing else). */
export type PagePath = string & { readonly __fromRouteTable: true }

/** A page's path relative to the app root (what a subscription message's `page` and a mini-program code carry). */
export function noticePage<N extends RouteName>(name: N, ...[params]: ParamArg<N>): PagePath {
  return (ROUTES[name].path + query(params as Record<string, string | undefined>)) as PagePath
}

/** The page a mini-program code opens: its path alone (WeChat takes no query there; the token travels in `scene`). */
export function codePage(name: RouteName): PagePath {
  return ROUTES[name].path as PagePath
}

/** A page path of this table, without its query: where a `back` parameter may send her (nothing outside the app). */
export function appPagePath(path: string | undefined): string | null {
  const bare = (path ?? '').replace(/^\//, '').split('?')[0]
  return Object.values(ROUTES).some((r) => r.path === bare) ? bare : null
}

/** A URL for Taro.navigateTo / redirectTo. */
export function routeUrl<N extends RouteName>(name: N, ...[params]: ParamArg<N>): string {
  return `/${noticePage(name, ...([params] as ParamArg<N>))}`
}
