/** Which form field a server refusal of `createProgramme` belongs under, with a message that says what to fix. */
import type { ErrorCode } from '~types/errors'
import type { FormKey } from './programme-form'

const BY_PATH: [prefix: string, key: FormKey][] = [
  ['id', 'id'],
  ['name', 'name'],
  ['description', 'description'],
  ['unionId', 'unionId'],
  ['privacyNotice.version', 'noticeVersion'],
  ['privacyNotice', 'noticeText'],
  ['eligibility.gender', 'gender'],
  ['eligibility.ageMin', 'ageMin'],
  ['eligibility.ageMax', 'ageMax'],
  ['eligibility.tagsAny', 'tagsOther'],
  ['eligibility.branches', 'branches'],
  ['eligibility', 'notScreenedBefore'],
  ['priority.ageMin', 'priorityAgeMin'],
  ['priority.ageMax', 'priorityAgeMax'],
  ['priority.notScreenedWithinYears', 'priorityYears'],
  ['priority', 'priorityWindow'],
  ['totalQuota', 'totalQuota'],
  ['branchQuotas', 'quotas'],
  ['releaseAt', 'releaseAt'],
  ['bookingClosesAt', 'closesAt'],
  ['cancelDeadlineHours', 'cancelHours'],
  ['checkinToleranceMinutes', 'tolerance'],
]
const SITE_PARTS: [part: string, key: FormKey][] = [
  ['id', 'siteId'],
  ['name', 'siteName'],
  ['hospital', 'siteHospital'],
  ['address', 'siteAddress'],
  ['phone', 'sitePhone'],
  ['whatToBring', 'whatToBring'],
  ['sessions', 'slots'],
]

const matches = (path: string, prefix: string): boolean => path === prefix || path.startsWith(`${prefix}.`)

/** 'sites.0.phone' → 'sitePhone', 'eligibility.ageMax' → 'ageMax'; unknown paths → null (shown above the button). */
export function formKeyOf(path: string | undefined): FormKey | null {
  if (!path) return null
  const site = /^sites(?:\.\d+)?(?:\.(\w+))?/.exec(path)
  if (site) return SITE_PARTS.find(([part]) => part === site[1])?.[1] ?? 'slots'
  return BY_PATH.find(([prefix]) => matches(path, prefix))?.[1] ?? null
}

const SPECIFIC: Partial<Record<FormKey, string>> = {
  totalQuota: '总名额与各场次容量之和不一致',
  closesAt: '预约截止须晚于放号时间',
  slots: '场次有误：请检查时间、容量和筛查点编号',
  quotas: '同一工会只能填写一行',
}

/** The message to show under the field: a CONFLICT on the id means the id is taken; otherwise the field's own hint. */
export function serverFieldError(code: ErrorCode, field: string | undefined, fallback: string): { key: FormKey; message: string } | null {
  const key = formKeyOf(field)
  if (!key) return null
  if (code === 'CONFLICT' && key === 'id') return { key, message: '该编号已被使用，请换一个' }
  if (code === 'INVALID_ARGUMENT') return { key, message: SPECIFIC[key] ?? '服务器未接受此项，请检查后重试' }
  return { key, message: fallback }
}
