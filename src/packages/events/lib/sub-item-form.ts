/**
 * The small forms for an event's booths, gift tiers and checkpoints, as typed (every value a string):
 * prefilling from a saved item, checking what a person can get wrong (Chinese message + the field to
 * point at), and placing a server's INVALID_ARGUMENT field under the right input.
 */
import type { BoothDTO, CheckpointDTO, GiftTierDTO, SaveBoothRequest, SaveCheckpointRequest, SaveTierRequest, ZoneDTO } from '~types/events'
import { formatBeijingInput, parseBeijing } from '~src/utils/datetime'

export type SubValues = Record<string, string>
export interface SubField {
  key: string
  label: string
  placeholder?: string
  /** A Beijing time, typed or picked (the kit's DateTimeField). */
  time?: true
}
export type Parsed<R> = { ok: true; request: R } | { ok: false; field: string; message: string }

export const boothFields = (zones: ZoneDTO[]): SubField[] => [
  {
    key: 'zoneId',
    label: `分区编号（${zones.map((z) => `${z.id}=${z.name}`).join('，') || '请先在上方设置分区'}）`,
    placeholder: zones[0]?.id ?? 'A',
  },
  { key: 'name', label: '展位名称', placeholder: '平陆猕猴桃' },
  { key: 'exhibitor', label: '参展单位', placeholder: '平陆县总工会' },
]
export const TIER_FIELDS: SubField[] = [
  { key: 'name', label: '档位名称', placeholder: '集满10枚' },
  { key: 'gift', label: '礼品', placeholder: '关公贴文创礼包' },
  { key: 'minTotal', label: '至少集章总数', placeholder: '10' },
  { key: 'minPerZone', label: '每个分区至少（不要求填 0）', placeholder: '0' },
  { key: 'stock', label: '库存', placeholder: '300' },
]
export const CHECKPOINT_FIELDS: SubField[] = [
  { key: 'name', label: '签到点名称', placeholder: '起点' },
  { key: 'opensAt', label: '开放时间（北京时间）', placeholder: '2027-01-01 07:30', time: true },
  { key: 'closesAt', label: '关闭时间（北京时间）', placeholder: '2027-01-01 12:00', time: true },
]

export const boothValues = (b: BoothDTO): SubValues => ({ zoneId: b.zoneId, name: b.name, exhibitor: b.exhibitor })
export const tierValues = (t: GiftTierDTO): SubValues => ({
  name: t.name,
  gift: t.gift,
  minTotal: String(t.rule.minTotal),
  minPerZone: String(t.rule.minPerZone),
  stock: String(t.stock),
})
export const checkpointValues = (c: CheckpointDTO): SubValues => ({
  name: c.name,
  opensAt: formatBeijingInput(c.opensAt),
  closesAt: formatBeijingInput(c.closesAt),
})

/** Gifts handed out (or being handed out) of a tier: its stock may not go below this. */
export const givenOf = (t: GiftTierDTO): number => t.stock - t.left

type Check = { field: string; message: string } | null
const bad = (field: string, message: string): Check => ({ field, message })
const text = (v: SubValues, key: string, what: string, max: number): Check => {
  const s = (v[key] ?? '').trim()
  if (!s) return bad(key, `请填写${what}`)
  return s.length > max ? bad(key, `${what}最多 ${max} 个字`) : null
}
const whole = (s: string | undefined): number | null => (/^\d{1,7}$/.test((s ?? '').trim()) ? Number((s ?? '').trim()) : null)
const first = (...checks: Check[]) => checks.find((c) => c !== null) ?? null
const refuse = <R>(c: { field: string; message: string }): Parsed<R> => ({ ok: false, ...c })
const idOf = (id?: string) => (id ? { id } : {})

export function boothRequest(v: SubValues, eventId: string, zones: ZoneDTO[], id?: string): Parsed<SaveBoothRequest> {
  const zoneId = (v.zoneId ?? '').trim()
  const zoneCheck =
    zones.length === 0
      ? bad('zoneId', '活动还没有分区，请先在上方填写分区并保存')
      : zones.some((z) => z.id === zoneId)
        ? null
        : bad('zoneId', `分区编号须为 ${zones.map((z) => z.id).join(' / ')} 之一`)
  const exhibitor = (v.exhibitor ?? '').trim()
  const c = first(zoneCheck, text(v, 'name', '展位名称', 30), exhibitor.length > 60 ? bad('exhibitor', '参展单位最多 60 个字') : null)
  if (c) return refuse(c)
  return { ok: true, request: { eventId, ...idOf(id), zoneId, name: v.name.trim(), exhibitor } }
}

export function tierRequest(v: SubValues, eventId: string, before?: GiftTierDTO): Parsed<SaveTierRequest> {
  const minTotal = whole(v.minTotal)
  const minPerZone = whole(v.minPerZone || '0')
  const stock = whole(v.stock)
  const c = first(
    text(v, 'name', '档位名称', 20),
    text(v, 'gift', '礼品', 40),
    minTotal === null || minTotal > 1000 ? bad('minTotal', '集章总数须为 0–1000 的整数') : null,
    minPerZone === null || minPerZone > 1000 ? bad('minPerZone', '每区数量须为 0–1000 的整数') : null,
    stock === null ? bad('stock', '库存须为 0 或正整数') : null,
    before && stock !== null && stock < givenOf(before) ? bad('stock', `已兑换 ${givenOf(before)} 份，库存不能少于此数`) : null,
  )
  if (c) return refuse(c)
  return {
    ok: true,
    request: {
      eventId,
      ...idOf(before?.id),
      name: v.name.trim(),
      gift: v.gift.trim(),
      rule: { minTotal: minTotal!, minPerZone: minPerZone! },
      stock: stock!,
    },
  }
}

export function checkpointRequest(v: SubValues, eventId: string, id?: string): Parsed<SaveCheckpointRequest> {
  const opensAt = parseBeijing(v.opensAt ?? '')
  const closesAt = parseBeijing(v.closesAt ?? '')
  const c = first(
    text(v, 'name', '签到点名称', 20),
    opensAt === null ? bad('opensAt', '请按 2027-01-01 07:30 的格式填写开放时间') : null,
    closesAt === null ? bad('closesAt', '请按 2027-01-01 12:00 的格式填写关闭时间') : null,
    opensAt !== null && closesAt !== null && closesAt <= opensAt ? bad('closesAt', '关闭时间须晚于开放时间') : null,
  )
  if (c) return refuse(c)
  return { ok: true, request: { eventId, ...idOf(id), name: v.name.trim(), opensAt: opensAt!, closesAt: closesAt! } }
}

/** Clearer words than the generic INVALID_ARGUMENT text, for the fields the server checks against saved data. */
const SERVER_MESSAGES: Record<string, string> = {
  stock: '库存不能少于已兑换（含正在兑换）的礼品数，请刷新后查看',
  zoneId: '该分区不存在，请先在上方设置分区',
  closesAt: '关闭时间须晚于开放时间',
}

/** Where a server refusal goes: under the input it names (rule.minTotal → minTotal), or below the form. */
export function serverError(field: string | undefined, message: string, fields: SubField[]): { field?: string; message: string } {
  const key = field?.split('.').pop()
  if (!key || !fields.some((f) => f.key === key)) return { message }
  return { field: key, message: SERVER_MESSAGES[key] ?? message }
}
