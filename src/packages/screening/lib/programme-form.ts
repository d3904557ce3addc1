/**
 * The officer's "新建筛查项目" form: plain strings as typed, checked here and
 * turned into a `CreateProgrammeRequest`. Pure, so it is unit-tested and the
 * integration test feeds its output to the real function.
 */
import type { CreateProgrammeRequest } from '~types/screening'
import {
  checkBasics,
  checkEligibility,
  checkPriority,
  checkQuotas,
  checkRules,
  checkSessions,
  checkSite,
  int,
  type Need,
} from './programme-form-checks'
import { formatBeijingInput } from '~src/utils/datetime'
import { daysBetween, normalDate } from './programme-form-time'

export interface SlotRow {
  start: string
  end: string
  capacity: string
}
export interface QuotaRow {
  branch: string
  quota: string
}

export interface ProgrammeForm {
  id: string
  name: string
  description: string
  /** 主办单位 (issue 20): a union of her subtree; '' until the picker chose her own node. Its sites are its too. */
  unionId: string
  noticeVersion: string
  noticeText: string
  gender: 'F' | 'any'
  ageMin: string
  ageMax: string
  tags: string[]
  tagsOther: string
  branches: string
  notScreenedBefore: boolean
  priorityOn: boolean
  priorityAgeMin: string
  priorityAgeMax: string
  priorityYears: string
  priorityWindow: string
  totalQuota: string
  quotas: QuotaRow[]
  siteId: string
  siteName: string
  /** The hospital the site is in: pages and notices say 妇女保健科（南京市妇幼保健院）, never the department alone. */
  siteHospital: string
  siteAddress: string
  sitePhone: string
  whatToBring: string
  fromDate: string
  toDate: string
  slots: SlotRow[]
  releaseAt: string
  closesAt: string
  cancelHours: string
  tolerance: string
}
export type FormKey = keyof ProgrammeForm
export type FormErrors = Partial<Record<FormKey, string>>
export type FormResult = { ok: true; request: CreateProgrammeRequest } | { ok: false; errors: FormErrors }

export const TAG_CHOICES = ['新就业形态', '女职工', '劳模']
export const SLOT_PRESETS: { label: string; start: string; end: string }[] = [
  { label: '早间 07:00–09:00', start: '07:00', end: '09:00' },
  { label: '晚间 18:00–20:00', start: '18:00', end: '20:00' },
]

/** A blank form with sensible defaults; `now` and `suffix` make the suggested ids unique. */
export function emptyForm(now: number, suffix: string): ProgrammeForm {
  const day = formatBeijingInput(now).slice(0, 10)
  return {
    id: `liangai-${day.replace(/-/g, '')}-${suffix}`,
    name: '',
    description: '',
    unionId: '',
    noticeVersion: '1',
    noticeText: '',
    gender: 'F',
    ageMin: '',
    ageMax: '',
    tags: [],
    tagsOther: '',
    branches: '',
    notScreenedBefore: true,
    priorityOn: false,
    priorityAgeMin: '',
    priorityAgeMax: '',
    priorityYears: '',
    priorityWindow: '30',
    totalQuota: '',
    quotas: [],
    siteId: `site-${suffix}`,
    siteName: '',
    siteHospital: '',
    siteAddress: '',
    sitePhone: '',
    whatToBring: '身份证，工会会员卡或小程序会员码',
    fromDate: '',
    toDate: '',
    slots: [{ start: '07:00', end: '09:00', capacity: '' }],
    releaseAt: '',
    closesAt: '',
    cancelHours: '2',
    tolerance: '30',
  }
}

/** Checks everything the server checks (and a little more) and builds the request, or names what to fix per field. */
export function toRequest(f: ProgrammeForm): FormResult {
  const errors: FormErrors = {}
  const need: Need = (key, ok, message) => {
    if (!ok && !errors[key]) errors[key] = message
  }
  const basics = checkBasics(f, need)
  const eligibility = checkEligibility(f, need)
  const priority = checkPriority(f, need)
  const branchQuotas = checkQuotas(f, need)
  const site = checkSite(f, need)
  const sessions = checkSessions(f, need)
  const sum = sessions.reduce((n, s) => n + s.capacity, 0)
  const total = int(f.totalQuota, 1, 100000)
  need('totalQuota', total !== null, '总名额为 1–100000 的整数')
  need(
    'totalQuota',
    total === null || !!errors.slots || sessions.length === 0 || total === sum,
    `总名额须等于各场次容量之和（按当前场次为 ${sum}）`,
  )
  const rules = checkRules(f, need)
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return {
    ok: true,
    request: { ...basics, eligibility, priority, totalQuota: total ?? 0, branchQuotas, ...rules, sites: [{ ...site, sessions }] },
  }
}

/** Sum of session capacities the slot editor currently describes (shown next to the total). */
export function plannedPlaces(f: ProgrammeForm): number {
  const from = normalDate(f.fromDate),
    to = normalDate(f.toDate)
  const days = from && to ? daysBetween(from, to).length : 0
  return days * f.slots.reduce((n, s) => n + (int(s.capacity, 1, 1000) ?? 0), 0)
}
