/**
 * Demo data of 两癌筛查 (issue 4): the first round for women in new forms of
 * employment, 152 places at 南京市妇幼保健院 妇女保健科 over the 7 days from today, early-morning,
 * lunch-hour and evening sessions, per-branch quotas, priority for women aged
 * 30–60 not screened in two years. Already released, so the demo works any day;
 * today's session starts shortly after seeding so the front-desk check-in can be
 * shown at once. A second programme opens at 10:00 on 8 March (the countdown).
 * Owners (issue 20): the first round is 南京市总工会's, the 三八 round 秦淮区总工会's (for its own
 * women), and 鼓楼区总工会 runs its own round for its domestic workers at 鼓楼医院.
 * Idempotent: deterministic ids, only what is missing is inserted.
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { Db } from '../../cloudfunctions/common/db'
import type { Owner } from '../../cloudfunctions/common/unions'
import { audienceWithin } from '../../cloudfunctions/common/unions'
import { programmeDocs, saveProgramme } from '../../cloudfunctions/screening/programme.service'
import { CITY_UNION_ID, unionDocs } from './union-structure'
import { addDays, beijingClock, beijingDate, beijingInstant } from '../../cloudfunctions/common/time'
import type { CreateProgrammeRequest, SessionInput, SiteInput } from '~types/screening'

const DAY = 24 * 3600_000
const TOTAL = 152

const FUYOU: Omit<SiteInput, 'sessions'> = {
  id: 'site-fuyou',
  // The site is the department, the hospital its house: pages show 妇女保健科（南京市妇幼保健院）, never the hospital twice.
  name: '妇女保健科',
  hospital: '南京市妇幼保健院',
  address: '南京市秦淮区天妃巷123号 门诊楼三楼',
  phone: '025-52226000',
  whatToBring: ['身份证', '工会会员卡或小程序会员码', '检查前 24 小时避免性生活及阴道用药', '月经期请改约'],
}

const GULOU: Omit<SiteInput, 'sessions'> = {
  id: 'site-gulou',
  name: '妇科门诊',
  hospital: '南京鼓楼医院',
  address: '南京市鼓楼区中山路321号 门诊楼二楼',
  phone: '025-83106666',
  whatToBring: ['身份证', '工会会员卡或小程序会员码', '月经期请改约'],
}

const SLOTS: [string, string, number][] = [
  ['07:00', '09:00', 7], // before the first delivery wave
  ['11:30', '13:30', 5], // no lunch break: riders come between lunch orders
  ['18:00', '20:00', 7],
  ['20:00', '21:30', 5],
]

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/** 7 days from today; today only a session starting 20–29 min after `now` (if it fits the day). Capacities sum to 152 (8 + 6 × 24). */
export function firstRoundSessions(now: number): SessionInput[] {
  const today = beijingDate(now)
  const [h, m] = beijingClock(now).split(':').map(Number)
  const start = Math.ceil((h * 60 + m + 20) / 10) * 10 // 20–29 min ahead: bookable now, check-in (30 min tolerance) already open
  const sessions: SessionInput[] =
    start + 90 <= 23 * 60 + 50 ? [{ date: today, start: hhmm(start), end: hhmm(start + 90), capacity: 8 }] : []
  for (let d = 1; d <= 6; d++) for (const [s, e, c] of SLOTS) sessions.push({ date: addDays(today, d), start: s, end: e, capacity: c })
  const others = sessions.slice(0, -1).reduce((n, s) => n + s.capacity, 0)
  sessions[sessions.length - 1].capacity = TOTAL - others
  return sessions
}

const ELIGIBILITY: CreateProgrammeRequest['eligibility'] = {
  gender: 'F',
  ageMin: 30,
  ageMax: 60,
  tagsAny: ['新就业形态'],
  branches: [],
  notScreenedBefore: true,
}
const PRIORITY: CreateProgrammeRequest['priority'] = { ageMin: 30, ageMax: 60, notScreenedWithinYears: 2, windowMinutes: 30 }
const NOTICE = {
  version: '2027-01',
  text: '为完成两癌筛查预约，市总工会将收集并使用您的姓名、会员证号、手机号、所属工会及预约信息，仅用于本次筛查的预约、签到与结果通知。筛查结果仅您本人、本筛查点工作人员及项目负责的工会干部可查看，每次查看均留有记录。您可随时取消预约或申请删除个人信息。',
}

export function firstRound(now: number): CreateProgrammeRequest {
  return {
    id: 'liangai-2027-r1',
    name: '新就业形态女职工免费“两癌”筛查（第一轮）',
    description:
      '面向外卖骑手、网约车司机、家政服务员、快递员等新就业形态女职工，免费提供宫颈癌、乳腺癌筛查。本轮共 152 个名额，在南京市妇幼保健院妇女保健科进行，设早间、午间和晚间场次。',
    organiser: '市总工会女职工委员会',
    privacyNotice: NOTICE,
    eligibility: ELIGIBILITY,
    priority: PRIORITY,
    totalQuota: TOTAL,
    // The demo union's own new-employment unions (union-structure.ts), 152 in all.
    branchQuotas: [
      { branch: '美团外卖秦淮站点工会', quota: 36 },
      { branch: '饿了么玄武站点工会', quota: 24 },
      { branch: '玄武区网约车司机联合工会', quota: 40 },
      { branch: '秦淮区家政服务业联合工会', quota: 20 },
      { branch: '鼓楼区家政服务业联合工会', quota: 12 },
      { branch: '顺丰速运鼓楼分部工会', quota: 20 },
    ],
    releaseAt: now - DAY,
    bookingClosesAt: beijingInstant(addDays(beijingDate(now), 6), '21:30'),
    cancelDeadlineHours: 2,
    offerHoldMinutes: 30,
    checkinToleranceMinutes: 30,
    sites: [{ ...FUYOU, sessions: firstRoundSessions(now) }],
  }
}

/** Places go online at 10:00 on the next 8 March (Beijing): shows the countdown and the release reminder. */
export function marchRound(now: number): CreateProgrammeRequest {
  const year = Number(beijingDate(now).slice(0, 4))
  const march = (y: number) => beijingInstant(`${y}-03-08`, '10:00')
  const releaseAt = march(year) > now ? march(year) : march(year + 1)
  const first = addDays(beijingDate(releaseAt), 7)
  const sessions = Array.from({ length: 7 }, (_x, d) =>
    SLOTS.map(([start, end, capacity]) => ({ date: addDays(first, d), start, end, capacity })),
  ).flat()
  return {
    ...firstRound(now),
    id: `liangai-${beijingDate(releaseAt).slice(0, 4)}-0308`,
    name: `${beijingDate(releaseAt).slice(0, 4)} 年“三八”女职工免费“两癌”筛查`,
    description: '秦淮区总工会为本区女职工提供：3 月 8 日 10:00 准时放号，名额有限，约满即止；30–60 岁且两年内未筛查的女职工优先。',
    // 三八 is for every woman worker of 秦淮 (its name says 女职工): no new-forms-of-employment tag, so a nurse may book.
    eligibility: { ...ELIGIBILITY, tagsAny: [] },
    totalQuota: sessions.reduce((n, s) => n + s.capacity, 0),
    branchQuotas: [],
    releaseAt,
    bookingClosesAt: beijingInstant(addDays(first, 6), '21:30'),
    sites: [{ ...FUYOU, sessions }],
  }
}

/** 鼓楼区总工会's own round for its domestic workers (issue 20): open since yesterday, 5 days from tomorrow. */
export function gulouRound(now: number): CreateProgrammeRequest {
  const first = addDays(beijingDate(now), 1)
  const sessions = Array.from({ length: 5 }, (_x, d) => [
    { date: addDays(first, d), start: '08:00', end: '10:00', capacity: 6 },
    { date: addDays(first, d), start: '14:00', end: '16:00', capacity: 6 },
  ]).flat()
  return {
    ...firstRound(now),
    id: 'liangai-gulou-jiazheng',
    name: '鼓楼区家政女职工免费“两癌”筛查',
    description: '鼓楼区总工会为本区家政服务业女职工提供免费宫颈癌、乳腺癌筛查，共 60 个名额，在南京鼓楼医院妇科门诊进行。',
    eligibility: { ...ELIGIBILITY, tagsAny: [] },
    priority: null,
    totalQuota: 60,
    branchQuotas: [],
    releaseAt: now - 2 * DAY,
    bookingClosesAt: beijingInstant(addDays(first, 4), '16:00'),
    sites: [{ ...GULOU, sessions }],
  }
}

function ownerOf(unionId: string): Owner {
  const u = unionDocs(0).find((d) => d._id === unionId)
  if (!u) throw new Error(`unknown union ${unionId}`)
  return { unionId: u._id, unionPath: u.path, organiser: u.name }
}

/** A demo seeded before the union tree: its programmes and sites get their owners (issue 20). */
async function stampOwner(db: Db, req: CreateProgrammeRequest, owner: Owner): Promise<void> {
  const _ = db.command
  const unowned = (id: string) => ({ _id: id, unionId: _.exists(false) })
  const where = db.collection(COLLECTIONS.screeningProgrammes).where(unowned(req.id))
  await where.update({ ...owner, eligibility: { ...req.eligibility, within: audienceWithin(owner) } })
  for (const site of req.sites)
    await db.collection(COLLECTIONS.screeningSites).where(unowned(site.id)).update({ unionId: owner.unionId, unionPath: owner.unionPath })
}

export async function seedScreening(db: Db, now: number): Promise<void> {
  const rounds: [CreateProgrammeRequest, string][] = [
    [firstRound(now), CITY_UNION_ID],
    [marchRound(now), 'u-qinhuai'],
    [gulouRound(now), 'u-gulou'],
  ]
  for (const [req, unionId] of rounds) {
    await saveProgramme(db, programmeDocs(req, now, 'seed', null, ownerOf(unionId)))
    await stampOwner(db, req, ownerOf(unionId))
  }
}
