/**
 * What an officer may invite staff for: the events and mixers, screening
 * sites and merchants that exist. Names only (what the officer picks from, and what the
 * invite shows); the merchants collection is the vouchers service's.
 */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import type { Clock } from '../common/clock'
import { rowsOf } from '../common/paginate'
import { shanghai } from '../common/time'
import { covers, type OfficerScope, ownedWhere, readTree, readUnion } from '../common/unions'
import { type InviteKind, type InviteTargetDTO, MERCHANT_MANAGER_SUFFIX, type ScopeKind } from '~types/member'
import { UNION_LEVEL_LABEL } from '~types/unions'
import { siteLabel } from '~types/screening'

type Row = Record<string, unknown> & { _id: string }

interface Source {
  collection: string
  fields: string[]
  toTarget(r: Row): InviteTargetDTO | null
}

/** When a target happens (events and mixers), for the picker's order and its second line. */
type Dated = InviteTargetDTO & { startsAt?: number; endsAt?: number }

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined)
const dayText = (ms: number | undefined) => (ms === undefined ? '' : `${shanghai(ms, 'M月D日')} · `)

/** Event staff serve fairs and walks (events) and 会聚良缘 mixers alike: both are `event` scopes. */
const SOURCES: Record<ScopeKind, Source[]> = {
  event: [
    {
      collection: COLLECTIONS.events,
      fields: ['title', 'startsAt', 'endsAt', 'venue'],
      toTarget: (r): Dated => ({
        kind: 'event',
        id: r._id,
        name: String(r.title ?? r._id),
        detail: dayText(num(r.startsAt)) + String((r.venue as { name?: string } | undefined)?.name ?? ''),
        startsAt: num(r.startsAt),
        endsAt: num(r.endsAt),
      }),
    },
    {
      collection: COLLECTIONS.mixers,
      fields: ['title', 'venue', 'phase', 'startsAt', 'endsAt'],
      toTarget: (r): Dated | null =>
        r.phase === 'purged'
          ? null
          : {
              kind: 'event',
              id: r._id,
              name: `会聚良缘 · ${String(r.title ?? r._id)}`,
              detail: dayText(num(r.startsAt)) + String(r.venue ?? ''),
              startsAt: num(r.startsAt),
              endsAt: num(r.endsAt),
            },
    },
  ],
  site: [
    {
      collection: COLLECTIONS.screeningSites,
      fields: ['name', 'hospital', 'address'],
      toTarget: (r) => ({
        kind: 'site',
        id: r._id,
        // 妇女保健科（南京市妇幼保健院）: a department name alone does not say which hospital the nurse will work at.
        name: siteLabel({ name: String(r.name ?? r._id), hospital: String(r.hospital ?? '') }),
        detail: String(r.address ?? ''),
      }),
    },
  ],
  merchant: [
    {
      collection: COLLECTIONS.voucherMerchants,
      fields: ['name', 'address', 'suspended'],
      toTarget: (r) =>
        r.suspended
          ? null
          : { kind: 'merchant', id: r._id, name: String(r.name ?? r._id), detail: `核销员（扫码核销）· ${String(r.address ?? '')}` },
    },
  ],
}

const projection = (fields: string[]) => Object.fromEntries(fields.map((f) => [f, true]))

/**
 * Each merchant can also get a manager (店长), who confirms its statements. The scope keeps the
 * merchant's own name (the role is read from the id: 商户店长 · 苏果超市…); the picker's second line says which one it is.
 */
function managerOf(t: InviteTargetDTO): InviteTargetDTO {
  return { ...t, id: `${t.id}${MERCHANT_MANAGER_SUFFIX}`, detail: t.detail.replace('核销员（扫码核销）', '店长（核销与对账）') }
}

/**
 * What is on now or next first (by start), then what is over (latest first): an officer inviting staff on the
 * day finds today's mixer at the top, not after 第 1, 10, 11 … 场 sorted as text.
 */
export function byWhenItHappens(targets: Dated[], now: number): InviteTargetDTO[] {
  const over = (t: Dated) => (t.endsAt ?? Infinity) < now
  const start = (t: Dated) => t.startsAt ?? Infinity
  return [...targets]
    .sort((a, b) => Number(over(a)) - Number(over(b)) || (over(a) ? start(b) - start(a) : start(a) - start(b)))
    .map(({ startsAt: _s, endsAt: _e, ...t }) => t)
}

/** Unions an officer may invite officers of: her node and those below it, parents first. */
async function unionTargets(db: Db, scope: OfficerScope): Promise<InviteTargetDTO[]> {
  const tree = await readTree(db)
  const names = new Map(tree.map((u) => [u._id, u.name]))
  return tree
    .filter((u) => covers(scope, u.path))
    .map((u) => ({
      kind: 'union' as const,
      id: u._id,
      name: u.name,
      detail: `${UNION_LEVEL_LABEL[u.level]}干部${u.parentId ? ` · ${names.get(u.parentId) ?? ''}` : ''}`,
    }))
}

export function createInviteTargets(db: Db, clock: Clock) {
  return {
    /** The targets of this kind her subtree owns (at most 1,000 per source); a document without an owner is the city's. */
    async list(kind: ScopeKind, scope: OfficerScope): Promise<InviteTargetDTO[]> {
      const where = ownedWhere(scope)
      const lists = await Promise.all(
        SOURCES[kind].map(async (src) => {
          const col = db.collection(src.collection)
          const query = where.unionPath ? col.where(where) : col
          return rowsOf<Row>(await query.field(projection(src.fields)).limit(1000).get()).map(src.toTarget)
        }),
      )
      const targets = byWhenItHappens(
        lists.flat().filter((t): t is Dated => t !== null),
        clock(),
      )
      return kind === 'merchant' ? targets.flatMap((t) => [t, managerOf(t)]) : targets
    },
    unions: (scope: OfficerScope) => unionTargets(db, scope),
    /** The target with this id, or null when it does not exist (or may not get staff). */
    async find(kind: InviteKind, id: string): Promise<InviteTargetDTO | null> {
      if (kind === 'union') {
        const u = await readUnion(db, id)
        return u ? { kind, id: u._id, name: u.name, detail: UNION_LEVEL_LABEL[u.level] } : null
      }
      const manager = kind === 'merchant' && id.endsWith(MERCHANT_MANAGER_SUFFIX)
      const baseId = manager ? id.slice(0, -MERCHANT_MANAGER_SUFFIX.length) : id
      for (const src of SOURCES[kind]) {
        const row = rowsOf<Row>(await db.collection(src.collection).doc(baseId).get())[0]
        const target = row ? src.toTarget(row) : null
        if (target) return manager ? managerOf(target) : target
      }
      return null
    },
  }
}

export type InviteTargets = ReturnType<typeof createInviteTargets>
