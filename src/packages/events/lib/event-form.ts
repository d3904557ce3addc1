import type { EventAdminDTO, EventKind, SaveEventRequest } from '~types/events'
import { formatBeijingInput, parseBeijing } from '~src/utils/datetime'

/** The event form as typed: every field a string, so half-typed input never crashes a render. */
export interface EventForm {
  kind: EventKind
  title: string
  description: string
  /** 主办单位 (issue 20): a union of her subtree; '' until the picker chose her own node. */
  unionId: string
  venueName: string
  address: string
  city: string
  startsAt: string
  endsAt: string
  /** "A:匠心特产集, B:巧手工艺廊" */
  zones: string
  signUpRequired: boolean
  capacity: string
  closesAt: string
  cooldownSeconds: string
}

export const EMPTY_FORM: EventForm = {
  kind: 'fair',
  title: '',
  description: '',
  unionId: '',
  venueName: '',
  address: '',
  city: '',
  startsAt: '',
  endsAt: '',
  zones: '',
  signUpRequired: false,
  capacity: '',
  closesAt: '',
  cooldownSeconds: '30',
}

export function formOf(e: EventAdminDTO): EventForm {
  return {
    kind: e.kind,
    title: e.title,
    description: e.description,
    unionId: e.unionId ?? '',
    venueName: e.venue.name,
    address: e.venue.address,
    city: e.venue.city,
    startsAt: formatBeijingInput(e.startsAt),
    endsAt: formatBeijingInput(e.endsAt),
    zones: e.zones.map((z) => `${z.id}:${z.name}`).join(', '),
    signUpRequired: e.signUp.required,
    capacity: e.signUp.capacity === null ? '' : String(e.signUp.capacity),
    closesAt: e.signUp.closesAt === null ? '' : formatBeijingInput(e.signUp.closesAt),
    cooldownSeconds: String(e.stampRules.cooldownSeconds),
  }
}

export type FormResult = { ok: true; request: SaveEventRequest } | { ok: false; field: keyof EventForm; message: string }

const wholeNumber = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : null)

/** "A:匠心特产集, B" → [{ id: 'A', name: '匠心特产集' }, { id: 'B', name: 'B' }]; a zone without a name is named by its id. */
function parseZones(text: string): SaveEventRequest['zones'] {
  return text
    .split(/[,，\n]/)
    .map((z) => z.trim())
    .filter(Boolean)
    .map((z) => {
      const [zid, ...rest] = z.split(/[:：]/)
      return { id: zid.trim(), name: rest.join(':').trim() || zid.trim() }
    })
}

/** Checks what a person can get wrong in the form, with the field to point at; the server checks the rest. */
export function toRequest(f: EventForm, id?: string): FormResult {
  const fail = (field: keyof EventForm, message: string): FormResult => ({ ok: false, field, message })
  if (!f.title.trim()) return fail('title', '请填写活动名称')
  if (!f.venueName.trim()) return fail('venueName', '请填写活动地点')
  if (!f.city.trim()) return fail('city', '请填写城市')
  const startsAt = parseBeijing(f.startsAt)
  const endsAt = parseBeijing(f.endsAt)
  if (startsAt === null) return fail('startsAt', '请按 2027-01-01 09:00 的格式填写开始时间')
  if (endsAt === null || endsAt <= startsAt) return fail('endsAt', '结束时间须晚于开始时间，格式如 2027-01-01 17:00')
  const zones = parseZones(f.zones)
  if (zones.some((z) => !/^[A-Za-z0-9_-]{1,10}$/.test(z.id))) return fail('zones', '分区编号只能用 1–10 位字母、数字，如 A:匠心特产集')
  const capacity = f.capacity.trim() ? wholeNumber(f.capacity) : null
  if (f.capacity.trim() && !capacity) return fail('capacity', '人数上限须为正整数，不限则留空')
  const closesAt = f.closesAt.trim() ? parseBeijing(f.closesAt) : null
  if (f.closesAt.trim() && closesAt === null) return fail('closesAt', '请按 2027-01-01 09:00 的格式填写报名截止时间')
  const cooldownSeconds = wholeNumber(f.cooldownSeconds || '0')
  if (cooldownSeconds === null) return fail('cooldownSeconds', '集章间隔须为 0 或正整数（秒）')
  return {
    ok: true,
    request: {
      ...(id ? { id } : {}),
      kind: f.kind,
      title: f.title.trim(),
      description: f.description.trim(),
      // a new event names its owner; an edit keeps it (the server ignores it there)
      ...(f.unionId && !id ? { unionId: f.unionId } : {}),
      venue: { name: f.venueName.trim(), address: f.address.trim(), city: f.city.trim() },
      startsAt,
      endsAt,
      zones,
      signUp: { required: f.signUpRequired, capacity, closesAt },
      stampRules: { cooldownSeconds },
    },
  }
}

const SERVER_FIELDS: Record<string, keyof EventForm> = {
  'venue.name': 'venueName',
  'venue.address': 'address',
  'venue.city': 'city',
  'signUp.capacity': 'capacity',
  'signUp.closesAt': 'closesAt',
  'stampRules.cooldownSeconds': 'cooldownSeconds',
}

/** The form field a server's INVALID_ARGUMENT field points at, so the message sits under the right input. */
export function formFieldOf(serverField: string | undefined): keyof EventForm | null {
  if (!serverField) return null
  if (SERVER_FIELDS[serverField]) return SERVER_FIELDS[serverField]
  const top = serverField.split('.')[0]
  return top in EMPTY_FORM ? (top as keyof EventForm) : null
}
