/**
 * The officer's mixer form as text fields (what people type) ↔ the request the
 * server takes, with a Chinese message per field. Pure, unit-tested; mirrors the
 * server's checks so an officer sees the problem before sending.
 */
import type { MixerDTO, SaveMixerRequest } from '~types/matchmaking'
import { mixerTimesProblem } from '~types/mixer-times'
import { formatBeijingInput, parseBeijing } from '~src/utils/datetime'

export const TIME_FIELDS = ['startsAt', 'endsAt', 'signupOpensAt', 'signupClosesAt', 'pickOpensAt', 'pickClosesAt'] as const
export const NUMBER_FIELDS = ['placesM', 'placesF', 'ageMin', 'ageMax', 'k', 'retentionDays', 'offerHoldMinutes'] as const
export type MixerForm = Record<
  | 'title'
  | 'programme'
  | 'unionId'
  | 'coOrganisers'
  | 'venue'
  | 'description'
  | (typeof TIME_FIELDS)[number]
  | (typeof NUMBER_FIELDS)[number],
  string
> & { review: 'auto' | 'officer' }

export function formOf(m: MixerDTO | null, now: number): MixerForm {
  const t = (ms: number) => formatBeijingInput(ms)
  const day = 86_400_000
  const start = m?.startsAt ?? now + 14 * day
  return {
    title: m?.title ?? '',
    programme: m?.programme ?? '',
    // 主办 (issue 20): '' until the picker chooses her own node
    unionId: m?.unionId ?? '',
    coOrganisers: (m?.coOrganisers ?? []).join('、'),
    venue: m?.venue ?? '',
    description: m?.description ?? '',
    startsAt: t(start),
    endsAt: t(m?.endsAt ?? start + 4 * 3_600_000),
    signupOpensAt: t(m?.signupOpensAt ?? now),
    signupClosesAt: t(m?.signupClosesAt ?? start - day),
    pickOpensAt: t(m?.pickOpensAt ?? start + 2 * 3_600_000),
    pickClosesAt: t(m?.pickClosesAt ?? start + 3 * 3_600_000),
    placesM: String(m?.placesByGender.M ?? 50),
    placesF: String(m?.placesByGender.F ?? 50),
    ageMin: String(m?.ageMin ?? 22),
    ageMax: String(m?.ageMax ?? 40),
    k: String(m?.k ?? 3),
    retentionDays: String(m?.retentionDays ?? 30),
    offerHoldMinutes: String(m?.offerHoldMinutes ?? 120),
    review: m?.review ?? 'officer',
  }
}

type Problem = { field: keyof MixerForm; message: string }
type Times = Record<(typeof TIME_FIELDS)[number], number>
type Numbers = Record<(typeof NUMBER_FIELDS)[number], number>

/** The parsed times and numbers, or the first field that does not parse. */
function parsed(f: MixerForm): { times: Times; n: Numbers } | Problem {
  for (const k of ['title', 'programme', 'venue'] as const) if (!f[k].trim()) return { field: k, message: '请填写' }
  const times = {} as Times
  for (const k of TIME_FIELDS) {
    const v = parseBeijing(f[k])
    if (v === null) return { field: k, message: '时间格式应为 2027-08-19 19:00' }
    times[k] = v
  }
  const n = {} as Numbers
  for (const k of NUMBER_FIELDS) {
    const v = Number(f[k])
    if (!Number.isInteger(v) || v < 0) return { field: k, message: '请填写整数' }
    n[k] = v
  }
  return { times, n }
}

/** The first rule the parsed values break (the times' order is the server's own rule, types/mixer-times.ts). */
function ruleBroken(times: Times, n: Numbers): Problem | null {
  const order = mixerTimesProblem(times)
  if (order) return order
  if (n.ageMin < 18 || n.ageMax > 80 || n.ageMax < n.ageMin) return { field: 'ageMax', message: '年龄范围应在 18–80 之间' }
  if (n.k < 1 || n.k > 10) return { field: 'k', message: '每人可选 1–10 位' }
  if (n.retentionDays < 1 || n.retentionDays > 365) return { field: 'retentionDays', message: '保留 1–365 天' }
  if (n.offerHoldMinutes < 5) return { field: 'offerHoldMinutes', message: '至少保留 5 分钟' }
  return null
}

/** The request, or the first problem as [field, message]. */
export function requestOf(f: MixerForm, id: string | undefined): { request: SaveMixerRequest } | Problem {
  const p = parsed(f)
  if ('field' in p) return p
  const { times, n } = p
  const broken = ruleBroken(times, n)
  if (broken) return broken
  const { placesM, placesF, ...numbers } = n
  const co = f.coOrganisers
    .split(/[、,，]/)
    .map((s) => s.trim())
    .filter(Boolean)
  const [title, programme, venue, description] = [f.title, f.programme, f.venue, f.description].map((s) => s.trim())
  const request: SaveMixerRequest = {
    title,
    programme,
    // the owner is fixed once saved: only a new mixer names it
    ...(f.unionId && !id ? { unionId: f.unionId } : {}),
    coOrganisers: co,
    venue,
    description,
    ...times,
    ...numbers,
    review: f.review,
    placesByGender: { M: placesM, F: placesF },
    sectorQuotas: {},
  }
  return { request: id ? { id, ...request } : request }
}
