import { csvCell } from '~types/csv'
import { REDEMPTION_STATE_LABELS, SIGN_UP_STATE_LABELS } from '~types/events.labels'
import { MATCH_NOTICE_TOPIC_LABELS, MATCH_STATE_LABELS, SIGNUP_STATUS_LABELS } from '~types/matchmaking.labels'
import type { ExportedNotice, MyDataExport, MyServicesExport } from '~types/member'
import { CONSENT_KIND_LABELS, GENDER_LABELS } from '~types/member.labels'
import {
  BOOKING_RECORD_STATUS_LABELS,
  RESULT_OUTCOME_LABELS,
  SCREENING_NOTICE_TOPIC_LABELS,
  WAITLIST_STATUS_LABELS,
} from '~types/screening.labels'
import { DRAW_RESULT_LABELS, VOUCHER_NOTICE_TOPIC_LABELS, VOUCHER_STATUS_LABELS } from '~types/vouchers.labels'
import { describeRole } from '~src/constants/roles'
import { formatShanghai } from '~src/utils/datetime'

/** One record as she reads it: a heading and labelled values, all in Chinese. */
export interface Entry {
  heading: string
  fields: [string, string][]
}

export interface Section {
  id: string
  title: string
  entries: Entry[]
  /** What to say when the section has no records. */
  empty: string
}

const when = (ms: number | null | undefined): string => (ms ? formatShanghai(ms) : '—')
/** Each service's own words (types/<service>.labels.ts); a value of an older export that no service names any more reads 其他. */
const label = <K extends string>(labels: Record<K, string>, key: string): string => (Object.hasOwn(labels, key) ? labels[key as K] : '其他')
// Integer fen, never via floating point.
const yuan = (fen: number): string => `¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`

/** Her result stays off the screen until she asks: the phone may be seen by others. */
const HIDDEN_RESULT = '已出（点「显示筛查结果」查看）'

function accountSection(d: MyDataExport): Section {
  const p = d.profile
  const entries: Entry[] = [
    {
      heading: '账户',
      fields: [
        ['认证状态', d.account.verified ? '已认证' : '未认证'],
        ['认证时间', when(d.account.verifiedAt)],
        [
          '身份',
          d.account.roles.map((r) => [describeRole(r).title, describeRole(r).scopeName].filter(Boolean).join(' · ')).join('、') || '会员',
        ],
        ['导出时间', when(d.exportedAt)],
      ],
    },
  ]
  if (p) {
    entries.push({
      heading: '会员信息',
      fields: [
        ['姓名', p.name],
        ['会员证号', p.cardNo],
        ['手机号', p.phone],
        ['所属工会', p.branch || '—'],
        ['性别', label(GENDER_LABELS, p.gender)],
        ['出生日期', p.birthDate || '—'],
        ['标签', p.tags.join('、') || '—'],
      ],
    })
  }
  for (const c of d.consents)
    entries.push({
      heading: label(CONSENT_KIND_LABELS, c.kind),
      fields: [
        ['版本', c.version],
        ['同意时间', when(c.at)],
      ],
    })
  return { id: 'account', title: '账户与会员信息', entries, empty: '' }
}

type Screening = MyServicesExport['screening']
type Matchmaking = NonNullable<MyServicesExport['matchmaking']>

function resultText(b: Screening['bookings'][number], showHealth: boolean): string {
  if (!b.result) return b.resultReady ? '已出' : '未出'
  if (!showHealth) return HIDDEN_RESULT
  return `${label(RESULT_OUTCOME_LABELS, b.result.outcome)}${b.result.note ? `；建议：${b.result.note}` : ''}（${when(b.result.readyAt)}）`
}

const bookingEntry = (b: Screening['bookings'][number], showHealth: boolean): Entry => ({
  heading: `预约 · ${b.programmeName}`,
  fields: [
    ['筛查点', b.siteName],
    ['场次', `${b.date} ${b.start}–${b.end}`],
    ['状态', label(BOOKING_RECORD_STATUS_LABELS, b.status)],
    ['预约时间', when(b.bookedAt)],
    ['签到时间', when(b.checkedInAt)],
    ['取消时间', when(b.cancelledAt)],
    ['结果', resultText(b, showHealth)],
  ],
})

const waitlistEntry = (w: Screening['waitlist'][number]): Entry => ({
  heading: `候补 · ${w.programmeName}`,
  fields: [
    ['筛查点', w.siteName ?? '任一筛查点'],
    ['状态', label(WAITLIST_STATUS_LABELS, w.status)],
    ['加入时间', when(w.joinedAt)],
  ],
})

const noticeEntry = (n: ExportedNotice<string>): Entry => ({
  heading: `通知 · ${n.title}`,
  fields: [
    ...n.fields.map((f): [string, string] => [f.label, f.value]),
    ['时间', when(n.createdAt)],
    ['送达', n.delivered ? '已送达' : '未送达'],
  ],
})

/** Her opt-ins left, each under the title of the notice it lets through (in the service's own words). */
function optinsEntries<T extends string>(credits: Partial<Record<T, number>> | null | undefined, labels: Record<T, string>): Entry[] {
  const left = Object.entries<number | undefined>(credits ?? {}).filter((e): e is [string, number] => (e[1] ?? 0) > 0)
  const fields = left.map(([topic, n]): [string, string] => [label(labels, topic), `剩余 ${n} 次`])
  return left.length ? [{ heading: '已订阅的提醒', fields }] : []
}

function screeningSection(s: Screening, showHealth: boolean): Section {
  const entries = [
    ...s.bookings.map((b) => bookingEntry(b, showHealth)),
    ...s.waitlist.map(waitlistEntry),
    ...s.notices.map(noticeEntry),
    ...optinsEntries(s.noticeOptins, SCREENING_NOTICE_TOPIC_LABELS),
  ]
  return { id: 'screening', title: '两癌筛查', entries, empty: '没有两癌筛查记录' }
}

function eventsSection(e: MyServicesExport['events']): Section {
  const entries: Entry[] = [
    ...e.signUps.map((s): Entry => ({
      heading: `报名 · ${s.eventTitle}`,
      fields: [
        ['状态', label(SIGN_UP_STATE_LABELS, s.state)],
        ['报名时间', when(s.signedUpAt)],
      ],
    })),
    ...e.stamps.map((s): Entry => ({
      heading: `集章 · ${s.eventTitle}`,
      fields: [
        ['展位', s.boothName],
        ['时间', when(s.stampedAt)],
      ],
    })),
    ...e.redemptions.map((r): Entry => ({
      heading: `兑换 · ${r.eventTitle}`,
      fields: [
        ['档位', r.tierName],
        ['礼品', r.gift],
        ['状态', label(REDEMPTION_STATE_LABELS, r.state)],
        ['兑换时间', when(r.redeemedAt)],
        ['兑换台', r.desk || '—'],
      ],
    })),
    ...e.checkIns.map((c): Entry => ({
      heading: `签到 · ${c.eventTitle}`,
      fields: [
        ['签到点', c.checkpointName],
        ['时间', when(c.checkedInAt)],
      ],
    })),
  ]
  return { id: 'events', title: '集章打卡 · 活动签到', entries, empty: '没有活动记录' }
}

function profileEntries({ profile: p, statement: st }: Matchmaking): Entry[] {
  const entries: Entry[] = []
  if (p)
    entries.push({
      heading: '交友资料',
      fields: [
        ['昵称', p.nickname],
        ['行业', p.sector || '—'],
        ['自我介绍', p.intro || '—'],
      ],
    })
  if (st)
    entries.push({
      heading: '单身承诺',
      fields: [
        ['版本', st.version],
        ['签署时间', when(st.signedAt)],
        ['撤回时间', when(st.withdrawnAt)],
      ],
    })
  return entries
}

const barEntries = ({ bar }: Matchmaking): Entry[] =>
  bar
    ? [
        {
          heading: '暂停参加',
          fields: [
            ['原因', bar.reason],
            ['截止', when(bar.until)],
            ['申诉', bar.appeal ?? '—'],
          ],
        },
      ]
    : []

const mixerSignUpEntry = (s: Matchmaking['signUps'][number]): Entry => ({
  heading: `报名 · ${s.mixerTitle}`,
  fields: [
    ['状态', label(SIGNUP_STATUS_LABELS, s.status)],
    ['报名时间', when(s.signedUpAt)],
    ['签到时间', when(s.checkedInAt)],
    ['号码牌', s.badge === null ? '—' : `${s.badge} 号`],
  ],
})

const matchEntry = (x: Matchmaking['matches'][number]): Entry => ({
  heading: `配对 · ${x.mixerTitle}`,
  fields: [
    ['对方', `${x.theirBadge} 号 ${x.theirNickname}`],
    ['我留的联系方式', x.myContact ?? '未留'],
    ['状态', label(MATCH_STATE_LABELS, x.state)],
  ],
})

function matchmakingSection(m: Matchmaking): Section {
  const entries = [
    ...profileEntries(m),
    ...m.signUps.map(mixerSignUpEntry),
    ...m.matches.map(matchEntry),
    ...barEntries(m),
    // An older export has neither.
    ...(m.notices ?? []).map(noticeEntry),
    ...optinsEntries(m.noticeOptins, MATCH_NOTICE_TOPIC_LABELS),
  ]
  return { id: 'matchmaking', title: '会聚良缘', entries, empty: '没有会聚良缘记录' }
}

function redemptionFields(r: NonNullable<NonNullable<MyServicesExport['vouchers']>['vouchers'][number]['redemption']>): [string, string][] {
  return [
    ['核销商户', r.merchantName],
    ['核销时间', when(r.at)],
    ['消费金额', yuan(r.billFen)],
    ['券抵扣', yuan(r.deductionFen)],
    ...(r.modelWorkerFen ? [['劳模优惠', yuan(r.modelWorkerFen)] as [string, string]] : []),
    ['实付', yuan(r.payableFen)],
  ]
}

function vouchersSection(v: NonNullable<MyServicesExport['vouchers']>): Section {
  const entries: Entry[] = v.vouchers.map((x) => ({
    heading: `消费券 · ${x.campaignName}`,
    fields: [
      ['规则', x.ruleText],
      ['状态', label(VOUCHER_STATUS_LABELS, x.status)],
      ['领取时间', when(x.claimedAt)],
      ['有效期至', when(x.useEndsAt)],
      ...(x.redemption ? redemptionFields(x.redemption) : []),
    ],
  }))
  for (const e of v.drawEntries)
    entries.push({
      heading: `抽签 · ${e.campaignName}`,
      fields: [
        ['报名编号', e.entryRef],
        ['结果', label(DRAW_RESULT_LABELS, e.result)],
        ['报名时间', when(e.enteredAt)],
      ],
    })
  // An older export has neither.
  entries.push(...(v.notices ?? []).map(noticeEntry), ...optinsEntries(v.noticeOptins, VOUCHER_NOTICE_TOPIC_LABELS))
  return { id: 'vouchers', title: '工会消费券', entries, empty: '没有消费券记录' }
}

/** The export as Chinese sections per service; health results only when she asked to see them. */
export function myDataSections(d: MyDataExport, opts: { showHealth: boolean }): Section[] {
  const sections = [accountSection(d)]
  if (d.services) sections.push(screeningSection(d.services.screening, opts.showHealth), eventsSection(d.services.events))
  if (d.services?.matchmaking) sections.push(matchmakingSection(d.services.matchmaking))
  if (d.services?.vouchers) sections.push(vouchersSection(d.services.vouchers))
  return sections
}

export function hasHealthResult(d: MyDataExport): boolean {
  return !!d.services?.screening.bookings.some((b) => b.result)
}

/** The rows of the downloaded file: 板块, 记录, 项目, 内容 — the whole export, results included (it is her own file). */
export function myDataRows(d: MyDataExport): string[][] {
  const rows = [['板块', '记录', '项目', '内容']]
  for (const s of myDataSections(d, { showHealth: true }))
    for (const e of s.entries) for (const [k, v] of e.fields) rows.push([s.title, e.heading, k, v])
  return rows
}

export function csvOf(rows: string[][]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
