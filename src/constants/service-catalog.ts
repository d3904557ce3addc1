import { routeUrl } from '~types/routes'

/** The four services of the hall, in the order members see them. Each lives in its own subpackage. */
export interface ServiceEntry {
  key: 'matchmaking' | 'screening' | 'vouchers' | 'events'
  name: string
  summary: string
  description: string
  audience: string
  path: string
  needsVerification: boolean
  /** false until the service's own pages land: the hall marks it 即将开放 instead of looking live. */
  open: boolean
}

export const SERVICES: ServiceEntry[] = [
  {
    key: 'matchmaking',
    name: '会聚良缘',
    summary: '单身职工联谊交友',
    description: '工会组织的单身职工联谊活动：报名参加交友会，活动后悄悄选择心仪的人，双方都选中才会互相告知。',
    audience: '面向已认证的单身会员。',
    path: routeUrl('matchmaking'),
    needsVerification: true,
    open: true,
  },
  {
    key: 'screening',
    name: '两癌筛查',
    summary: '女职工免费宫颈癌、乳腺癌筛查',
    description: '为女职工提供免费的宫颈癌、乳腺癌筛查：选择医院和时段预约，到院扫码签到，结果仅本人可查看。',
    audience: '面向已认证的女职工会员。',
    path: routeUrl('screeningList'),
    needsVerification: true,
    open: true,
  },
  {
    key: 'vouchers',
    name: '工会消费券',
    summary: '领券到合作商户消费抵扣',
    description: '领取工会发放的消费券，到合作商户出示券码，由收银员扫码核销抵扣。',
    audience: '面向已认证的会员，每人限领次数以活动规则为准。',
    path: routeUrl('vouchers'),
    needsVerification: true,
    open: true,
  },
  {
    key: 'events',
    name: '集章打卡 · 活动签到',
    summary: '参加活动签到、集章换礼',
    description: '参加工会活动时出示签到码完成签到，在各个展位扫码集章，集满即可到礼品台兑换纪念品。',
    audience: '面向已认证的会员。',
    path: routeUrl('eventsList'),
    needsVerification: true,
    open: true,
  },
]
