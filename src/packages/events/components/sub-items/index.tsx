import { View } from '@tarojs/components'
import type { EventAdminDTO } from '../../../../../types/events'
import { call } from '../../../../services/api'
import { formatDateTime } from '../../lib/event-format'
import { parseBeijing } from '../../lib/time-input'
import { AdminList } from '../admin-lists'

const count = (s: string, what: string) => {
  if (!/^\d+$/.test(s.trim())) throw new Error(`${what}须为 0 或正整数`)
  return Number(s.trim())
}
const time = (s: string, what: string) => {
  const ms = parseBeijing(s)
  if (ms === null) throw new Error(`请按 2027-01-01 09:00 的格式填写${what}`)
  return ms
}

/** Booths, gift tiers and checkpoints of an existing event. */
export function SubItems({ event: e, onChanged }: { event: EventAdminDTO; onChanged: () => void }) {
  const zoneName = (id: string) => e.zones.find((z) => z.id === id)?.name ?? id
  const opts = { idempotent: true, loadingText: '正在保存' }
  return (
    <View>
      <AdminList id='booths' title='展位' rows={e.booths.map((b) => ({ key: b.id, text: `${zoneName(b.zoneId)} · ${b.name} · ${b.exhibitor}` }))}
        fields={[{ key: 'zoneId', label: `分区编号（${e.zones.map((z) => z.id).join('/') || '请先设置分区'}）` }, { key: 'name', label: '展位名称', placeholder: '平陆猕猴桃' }, { key: 'exhibitor', label: '参展单位', placeholder: '平陆县总工会' }]}
        onAdd={async (v) => {
          await call('events', 'saveBooth', { eventId: e.id, zoneId: v.zoneId.trim(), name: v.name.trim(), exhibitor: v.exhibitor.trim() }, opts)
          onChanged()
        }} />
      <AdminList id='tiers' title='礼品档位' rows={e.tiers.map((t) => ({ key: t.id, text: `${t.name} · ${t.gift} · 满${t.rule.minTotal}枚/每区${t.rule.minPerZone}枚 · 剩${t.left}/${t.stock}` }))}
        fields={[{ key: 'name', label: '档位名称', placeholder: '集满10枚' }, { key: 'gift', label: '礼品', placeholder: '关公贴文创礼包' }, { key: 'minTotal', label: '至少集章总数' }, { key: 'minPerZone', label: '每个分区至少（不要求填 0）' }, { key: 'stock', label: '库存' }]}
        onAdd={async (v) => {
          const rule = { minTotal: count(v.minTotal, '集章总数'), minPerZone: count(v.minPerZone || '0', '每区数量') }
          await call('events', 'saveTier', { eventId: e.id, name: v.name.trim(), gift: v.gift.trim(), rule, stock: count(v.stock, '库存') }, opts)
          onChanged()
        }} />
      <AdminList id='checkpoints' title='签到点' rows={e.checkpoints.map((c) => ({ key: c.id, text: `${c.name} · ${formatDateTime(c.opensAt)} – ${formatDateTime(c.closesAt)}` }))}
        fields={[{ key: 'name', label: '签到点名称', placeholder: '起点' }, { key: 'opensAt', label: '开放时间', placeholder: '2027-01-01 07:30' }, { key: 'closesAt', label: '关闭时间', placeholder: '2027-01-01 12:00' }]}
        onAdd={async (v) => {
          await call('events', 'saveCheckpoint', { eventId: e.id, name: v.name.trim(), opensAt: time(v.opensAt, '开放时间'), closesAt: time(v.closesAt, '关闭时间') }, opts)
          onChanged()
        }} />
    </View>
  )
}
