import { View } from '@tarojs/components'
import type { EventAdminDTO } from '~types/events'
import { ApiError, call, messageOf } from '~src/services/api'
import { formatDateTime } from '~src/utils/datetime'
import {
  boothFields,
  boothRequest,
  boothValues,
  CHECKPOINT_FIELDS,
  checkpointRequest,
  checkpointValues,
  givenOf,
  serverError,
  TIER_FIELDS,
  tierRequest,
  tierValues,
  type Parsed,
  type SubField,
} from '~src/packages/events/lib/sub-item-form'
import { AdminList } from '../admin-lists'
import type { ItemFormError } from '../item-form'

const OPTS = { loadingText: '正在保存' }

/** Checks the form, then saves; a server refusal is shown under the input it names. */
async function submit<R>(
  parsed: Parsed<R>,
  fields: SubField[],
  send: (r: R) => Promise<unknown>,
  done: () => void,
): Promise<ItemFormError | null> {
  if (!parsed.ok) return { field: parsed.field, message: parsed.message }
  try {
    await send(parsed.request)
  } catch (err) {
    if (err instanceof ApiError && err.code === 'CONFLICT') done() // reload, so the next try starts from what is saved
    return serverError(err instanceof ApiError ? err.field : undefined, messageOf(err), fields)
  }
  done()
  return null
}

interface ListProps {
  event: EventAdminDTO
  onChanged: () => void
}

function BoothList({ event: e, onChanged }: ListProps) {
  const zoneName = (id: string) => e.zones.find((z) => z.id === id)?.name ?? id
  const booth = boothFields(e.zones)
  return (
    <AdminList
      id='booths'
      title='展位'
      fields={booth}
      rows={e.booths.map((b) => ({
        key: b.id,
        text: `${zoneName(b.zoneId)} · ${b.name} · ${b.exhibitor || '—'}`,
        values: boothValues(b),
      }))}
      onSave={(v, key) =>
        submit(boothRequest(v, e.id, e.zones, key ?? undefined), booth, (r) => call('events', 'saveBooth', r, OPTS), onChanged)
      }
    />
  )
}

function GiftTierList({ event: e, onChanged }: ListProps) {
  return (
    <AdminList
      id='tiers'
      title='礼品档位'
      fields={TIER_FIELDS}
      rows={e.tiers.map((t) => ({
        key: t.id,
        values: tierValues(t),
        hints: { stock: `已兑换 ${givenOf(t)} 份，库存不能少于此数；剩余 = 库存 − 已兑换` },
        text: `${t.name} · ${t.gift} · 满${t.rule.minTotal}枚/每区${t.rule.minPerZone}枚 · 剩${t.left}/${t.stock}`,
      }))}
      onSave={(v, key) =>
        submit(
          tierRequest(
            v,
            e.id,
            e.tiers.find((t) => t.id === key),
          ),
          TIER_FIELDS,
          (r) => call('events', 'saveTier', r, OPTS),
          onChanged,
        )
      }
    />
  )
}

function CheckpointList({ event: e, onChanged }: ListProps) {
  return (
    <AdminList
      id='checkpoints'
      title='签到点'
      fields={CHECKPOINT_FIELDS}
      rows={e.checkpoints.map((c) => ({
        key: c.id,
        text: `${c.name} · ${formatDateTime(c.opensAt)} – ${formatDateTime(c.closesAt)}`,
        values: checkpointValues(c),
      }))}
      onSave={(v, key) =>
        submit(checkpointRequest(v, e.id, key ?? undefined), CHECKPOINT_FIELDS, (r) => call('events', 'saveCheckpoint', r, OPTS), onChanged)
      }
    />
  )
}

/** Booths, gift tiers and checkpoints of an existing event: tap one to edit it, or add one. */
export function SubItems({ event, onChanged }: ListProps) {
  return (
    <View>
      <BoothList event={event} onChanged={onChanged} />
      <GiftTierList event={event} onChanged={onChanged} />
      <CheckpointList event={event} onChanged={onChanged} />
    </View>
  )
}
