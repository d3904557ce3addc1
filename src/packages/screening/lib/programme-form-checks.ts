/**
 * One checker per section of the programme form: each reads its strings,
 * records what to fix through `need`, and returns its part of the request
 * (only used when nothing needed fixing).
 */
import type { CreateProgrammeRequest, EligibilityRulesDTO, PriorityRulesDTO, SessionInput } from '~types/screening'
import type { FormKey, ProgrammeForm } from './programme-form'
import { parseBeijing } from '~src/utils/datetime'
import { daysBetween, normalClock, normalDate } from './programme-form-time'

export type Need = (key: FormKey, ok: boolean, message: string) => void
type Req = CreateProgrammeRequest

export const list = (text: string): string[] =>
  text
    .split(/[,，、;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
export function int(text: string, min: number, max: number): number | null {
  const t = text.trim()
  if (!/^\d+$/.test(t)) return null
  const n = Number(t)
  return n >= min && n <= max ? n : null
}
/** '' → null (no bound); otherwise a whole number in range, or undefined when invalid. */
const optInt = (text: string, min: number, max: number): number | null | undefined =>
  text.trim() === '' ? null : (int(text, min, max) ?? undefined)
const textOk = (text: string, max: number): boolean => text.trim().length > 0 && text.trim().length <= max
const ID = /^[a-z0-9-]{3,32}$/
const ID_MESSAGE = '编号为 3–32 位小写字母、数字或“-”'
const AGE_MESSAGE = '年龄为 0–120 的整数，不限请留空'

export function checkBasics(f: ProgrammeForm, need: Need): Pick<Req, 'id' | 'name' | 'description' | 'unionId' | 'privacyNotice'> {
  need('id', ID.test(f.id.trim()), ID_MESSAGE)
  need('name', textOk(f.name, 60), '请填写项目名称（60 字以内）')
  need('description', textOk(f.description, 2000), '请填写项目说明（2000 字以内）')
  need('noticeVersion', /^[A-Za-z0-9._-]{1,32}$/.test(f.noticeVersion.trim()), '版本号为 1–32 位字母、数字、“.”、“-”或“_”')
  need('noticeText', textOk(f.noticeText, 5000), '请填写个人信息告知（5000 字以内）')
  return {
    id: f.id.trim(),
    name: f.name.trim(),
    description: f.description.trim(),
    // 主办 is the union she picks (her own node by default); the server stamps its name
    ...(f.unionId ? { unionId: f.unionId } : {}),
    privacyNotice: { version: f.noticeVersion.trim(), text: f.noticeText.trim() },
  }
}

function ageRange(minText: string, maxText: string, keys: [FormKey, FormKey], need: Need): [number | null, number | null] {
  const min = optInt(minText, 0, 120),
    max = optInt(maxText, 0, 120)
  need(keys[0], min !== undefined, AGE_MESSAGE)
  need(keys[1], max !== undefined, AGE_MESSAGE)
  need(keys[1], !(min != null && max != null && max < min), '最高年龄不能小于最低年龄')
  return [min ?? null, max ?? null]
}

export function checkEligibility(f: ProgrammeForm, need: Need): EligibilityRulesDTO {
  const [ageMin, ageMax] = ageRange(f.ageMin, f.ageMax, ['ageMin', 'ageMax'], need)
  const tagsAny = [...new Set([...f.tags, ...list(f.tagsOther)])]
  need('tagsOther', tagsAny.length <= 10 && tagsAny.every((t) => t.length <= 20), '最多 10 个标签，每个 20 字以内')
  const branches = [...new Set(list(f.branches))]
  need('branches', branches.length <= 200 && branches.every((b) => b.length <= 60), '最多 200 个工会，每个 60 字以内')
  return { gender: f.gender === 'F' ? 'F' : null, ageMin, ageMax, tagsAny, branches, notScreenedBefore: f.notScreenedBefore }
}

export function checkPriority(f: ProgrammeForm, need: Need): PriorityRulesDTO | null {
  if (!f.priorityOn) return null
  const [ageMin, ageMax] = ageRange(f.priorityAgeMin, f.priorityAgeMax, ['priorityAgeMin', 'priorityAgeMax'], need)
  const years = optInt(f.priorityYears, 1, 10),
    windowMinutes = int(f.priorityWindow, 0, 1440)
  need('priorityYears', years !== undefined, '年数为 1–10 的整数，不限请留空')
  need('priorityWindow', windowMinutes !== null, '优先时段为 0–1440 分钟')
  return { ageMin, ageMax, notScreenedWithinYears: years ?? null, windowMinutes: windowMinutes ?? 0 }
}

export function checkQuotas(f: ProgrammeForm, need: Need): { branch: string; quota: number }[] {
  const rows = f.quotas
    .filter((q) => q.branch.trim() || q.quota.trim())
    .map((q) => ({ branch: q.branch.trim(), quota: int(q.quota, 0, 100000) }))
  need(
    'quotas',
    rows.every((q) => textOk(q.branch, 60) && q.quota !== null),
    '每行请填写工会名称和 0–100000 的名额',
  )
  need('quotas', new Set(rows.map((q) => q.branch)).size === rows.length, '同一工会只能填写一行')
  return rows.map((q) => ({ branch: q.branch, quota: q.quota ?? 0 }))
}

/** Every day from the first to the last screening day × every daily slot. */
export function checkSessions(f: ProgrammeForm, need: Need): SessionInput[] {
  const from = normalDate(f.fromDate),
    to = normalDate(f.toDate)
  need('fromDate', from !== null, '请按 2027-03-09 的格式填写日期')
  need('toDate', to !== null, '请按 2027-03-15 的格式填写日期')
  const days = from && to ? daysBetween(from, to) : []
  need('toDate', !(from && to) || (days.length >= 1 && days.length <= 92), '结束日期须在开始日期当天或之后，且不超过 92 天')
  const slots = f.slots.map((s) => ({
    start: normalClock(s.start) ?? '',
    end: normalClock(s.end) ?? '',
    capacity: int(s.capacity, 1, 1000),
  }))
  need('slots', slots.length > 0, '请至少添加一个场次')
  need(
    'slots',
    slots.every((s) => s.start && s.end && s.end > s.start),
    '每个场次须填写开始和结束时间（如 07:00），结束晚于开始',
  )
  need(
    'slots',
    slots.every((s) => s.capacity !== null),
    '每个场次的容量为 1–1000 的整数',
  )
  need('slots', new Set(slots.map((s) => s.start)).size === slots.length, '同一天的场次开始时间不能重复')
  need('slots', days.length * slots.length <= 500, '场次总数（天数 × 每天场次）不能超过 500')
  return days.flatMap((date) => slots.map((s) => ({ date, start: s.start, end: s.end, capacity: s.capacity ?? 0 })))
}

export function checkSite(f: ProgrammeForm, need: Need): Omit<Req['sites'][number], 'sessions'> {
  need('siteId', ID.test(f.siteId.trim()), ID_MESSAGE)
  need('siteName', textOk(f.siteName, 40), '请填写筛查点名称（40 字以内）')
  need('siteHospital', textOk(f.siteHospital, 60), '请填写筛查点所在的医院（60 字以内）')
  need('siteAddress', textOk(f.siteAddress, 100), '请填写地址（100 字以内）')
  need('sitePhone', /^[0-9-]{5,20}$/.test(f.sitePhone.trim()), '电话为 5–20 位数字或“-”')
  const whatToBring = list(f.whatToBring)
  need('whatToBring', whatToBring.length <= 10 && whatToBring.every((b) => b.length <= 60), '最多 10 项，每项 60 字以内')
  const [name, hospital] = [f.siteName.trim(), f.siteHospital.trim()]
  return { id: f.siteId.trim(), name, hospital, address: f.siteAddress.trim(), phone: f.sitePhone.trim(), whatToBring }
}

export function checkRules(
  f: ProgrammeForm,
  need: Need,
): Pick<Req, 'releaseAt' | 'bookingClosesAt' | 'cancelDeadlineHours' | 'checkinToleranceMinutes'> {
  const releaseAt = parseBeijing(f.releaseAt),
    closesAt = parseBeijing(f.closesAt)
  need('releaseAt', releaseAt !== null, '请按 2027-03-08 10:00 的格式填写（北京时间）')
  need('closesAt', closesAt !== null, '请按 2027-03-15 20:00 的格式填写（北京时间）')
  need('closesAt', releaseAt === null || closesAt === null || closesAt > releaseAt, '预约截止须晚于放号时间')
  const cancel = int(f.cancelHours, 0, 720),
    tolerance = int(f.tolerance, 0, 240)
  need('cancelHours', cancel !== null, '请填写 0–720 的整数小时')
  need('tolerance', tolerance !== null, '请填写 0–240 的整数分钟')
  return {
    releaseAt: releaseAt ?? 0,
    bookingClosesAt: closesAt ?? 0,
    cancelDeadlineHours: cancel ?? 0,
    checkinToleranceMinutes: tolerance ?? 0,
  }
}
