import type { MyDataExport, MyServicesExport } from '../../../types/member'
import { describeRole } from '../../constants/roles'
import { formatShanghai } from '../../utils/datetime'

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
const GENDER: Record<string, string> = { F: '女', M: '男', '': '未登记' }
const BOOKING: Record<string, string> = { booked: '已预约', checked_in: '已签到', no_show: '未到场', cancelled: '已取消', pending: '处理中' }
const WAITLIST: Record<string, string> = { waiting: '候补中', offered: '有名额待确认', claimed: '已确认名额', expired: '名额已过期', left: '已退出候补' }
const OUTCOME: Record<string, string> = { normal: '正常', recheck: '需复查' }
const TOPIC: Record<string, string> = { booking: '预约提醒', offer: '候补名额通知', result: '结果通知', release: '放号提醒' }
const STATE: Record<string, string> = { pending: '处理中', confirmed: '已完成' }
const CONSENT: Record<string, string> = { 'screening-privacy': '两癌筛查个人信息告知' }
const SIGNUP: Record<string, string> = { review: '待审核', approved: '已通过', waiting: '候补中', offered: '有名额待确认', rejected: '未通过', cancelled: '已取消', withdrawn: '已退出' }
const MATCH: Record<string, string> = { open: '已配对', waiting: '等待对方交换联系方式', exchanged: '已交换联系方式', ended: '已结束' }
const label = (map: Record<string, string>, key: string) => map[key] ?? '其他'

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
        ['身份', d.account.roles.map((r) => [describeRole(r).title, describeRole(r).scopeName].filter(Boolean).join(' · ')).join('、') || '会员'],
        ['导出时间', when(d.exportedAt)],
      ],
    },
  ]
  if (p) {
    entries.push({
      heading: '会员信息',
      fields: [
        ['姓名', p.name], ['会员证号', p.cardNo], ['手机号', p.phone], ['所属工会', p.branch || '—'],
        ['性别', label(GENDER, p.gender)], ['出生日期', p.birthDate || '—'], ['标签', p.tags.join('、') || '—'],
      ],
    })
  }
  for (const c of d.consents) entries.push({ heading: label(CONSENT, c.kind), fields: [['版本', c.version], ['同意时间', when(c.at)]] })
  return { id: 'account', title: '账户与会员信息', entries, empty: '' }
}

function screeningSection(s: MyServicesExport['screening'], showHealth: boolean): Section {
  const entries: Entry[] = s.bookings.map((b) => ({
    heading: `预约 · ${b.programmeName}`,
    fields: [
      ['筛查点', b.siteName], ['场次', `${b.date} ${b.start}–${b.end}`], ['状态', label(BOOKING, b.status)],
      ['预约时间', when(b.bookedAt)], ['签到时间', when(b.checkedInAt)], ['取消时间', when(b.cancelledAt)],
      ['结果', !b.result ? (b.resultReady ? '已出' : '未出') : showHealth ? `${label(OUTCOME, b.result.outcome)}${b.result.note ? `；建议：${b.result.note}` : ''}（${when(b.result.readyAt)}）` : HIDDEN_RESULT],
    ],
  }))
  for (const w of s.waitlist) entries.push({ heading: `候补 · ${w.programmeName}`, fields: [['筛查点', w.siteName ?? '任一筛查点'], ['状态', label(WAITLIST, w.status)], ['加入时间', when(w.joinedAt)]] })
  for (const n of s.notices) {
    entries.push({ heading: `通知 · ${n.title}`, fields: [...n.fields.map((f): [string, string] => [f.label, f.value]), ['时间', when(n.createdAt)], ['送达', n.delivered ? '已送达' : '未送达']] })
  }
  const optins = Object.entries(s.noticeOptins ?? {}).filter(([, n]) => n > 0)
  if (optins.length) entries.push({ heading: '已订阅的提醒', fields: optins.map(([k, n]): [string, string] => [label(TOPIC, k), `剩余 ${n} 次`]) })
  return { id: 'screening', title: '两癌筛查', entries, empty: '没有两癌筛查记录' }
}

function eventsSection(e: MyServicesExport['events']): Section {
  const entries: Entry[] = [
    ...e.signUps.map((s): Entry => ({ heading: `报名 · ${s.eventTitle}`, fields: [['状态', label(STATE, s.state)], ['报名时间', when(s.signedUpAt)]] })),
    ...e.stamps.map((s): Entry => ({ heading: `集章 · ${s.eventTitle}`, fields: [['展位', s.boothName], ['时间', when(s.stampedAt)]] })),
    ...e.redemptions.map((r): Entry => ({
      heading: `兑换 · ${r.eventTitle}`,
      fields: [['档位', r.tierName], ['礼品', r.gift], ['状态', label(STATE, r.state)], ['兑换时间', when(r.redeemedAt)], ['兑换台', r.desk || '—']],
    })),
    ...e.checkIns.map((c): Entry => ({ heading: `签到 · ${c.eventTitle}`, fields: [['签到点', c.checkpointName], ['时间', when(c.checkedInAt)]] })),
  ]
  return { id: 'events', title: '集章打卡 · 活动签到', entries, empty: '没有活动记录' }
}

function matchmakingSection(m: NonNullable<MyServicesExport['matchmaking']>): Section {
  const entries: Entry[] = []
  if (m.profile) entries.push({ heading: '交友资料', fields: [['昵称', m.profile.nickname], ['行业', m.profile.sector || '—'], ['自我介绍', m.profile.intro || '—']] })
  if (m.statement) entries.push({ heading: '单身承诺', fields: [['版本', m.statement.version], ['签署时间', when(m.statement.signedAt)], ['撤回时间', when(m.statement.withdrawnAt)]] })
  for (const s of m.signUps) {
    entries.push({ heading: `报名 · ${s.mixerTitle}`, fields: [['状态', label(SIGNUP, s.status)], ['报名时间', when(s.signedUpAt)], ['签到时间', when(s.checkedInAt)], ['号码牌', s.badge === null ? '—' : `${s.badge} 号`]] })
  }
  for (const x of m.matches) {
    entries.push({ heading: `配对 · ${x.mixerTitle}`, fields: [['对方', `${x.theirBadge} 号 ${x.theirNickname}`], ['我留的联系方式', x.myContact ?? '未留'], ['状态', label(MATCH, x.state)]] })
  }
  if (m.bar) entries.push({ heading: '暂停参加', fields: [['原因', m.bar.reason], ['截止', when(m.bar.until)], ['申诉', m.bar.appeal ?? '—']] })
  return { id: 'matchmaking', title: '会聚良缘', entries, empty: '没有会聚良缘记录' }
}

/** The export as Chinese sections per service; health results only when she asked to see them. */
export function myDataSections(d: MyDataExport, opts: { showHealth: boolean }): Section[] {
  const sections = [accountSection(d)]
  if (d.services) sections.push(screeningSection(d.services.screening, opts.showHealth), eventsSection(d.services.events))
  if (d.services?.matchmaking) sections.push(matchmakingSection(d.services.matchmaking))
  return sections
}

export function hasHealthResult(d: MyDataExport): boolean {
  return !!d.services?.screening.bookings.some((b) => b.result)
}

/** The rows of the downloaded file: 板块, 记录, 项目, 内容 — the whole export, results included (it is her own file). */
export function myDataRows(d: MyDataExport): string[][] {
  const rows = [['板块', '记录', '项目', '内容']]
  for (const s of myDataSections(d, { showHealth: true })) for (const e of s.entries) for (const [k, v] of e.fields) rows.push([s.title, e.heading, k, v])
  return rows
}

/** A cell a spreadsheet would run as a formula (=, +, -, @) is kept as text. */
const defuse = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v)
const cell = (v: string) => {
  const s = defuse(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function csvOf(rows: string[][]): string {
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}
