/**
 * What an officer may invite staff for: the events and mixers, screening
 * sites and merchants that exist. Names only (what the officer picks from, and what the
 * invite shows); the merchants collection is the vouchers service's.
 */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { rowsOf } from '../common/paginate'
import { type InviteTargetDTO, MERCHANT_MANAGER_SUFFIX, type ScopeKind } from '~types/member'

type Row = Record<string, unknown> & { _id: string }

interface Source {
  collection: string
  fields: string[]
  toTarget(r: Row): InviteTargetDTO | null
}

/** Event staff serve fairs and walks (events) and 会聚良缘 mixers alike: both are `event` scopes. */
const SOURCES: Record<ScopeKind, Source[]> = {
  event: [
    {
      collection: COLLECTIONS.events,
      fields: ['title', 'startsAt', 'venue'],
      toTarget: (r) => ({
        kind: 'event',
        id: r._id,
        name: String(r.title ?? r._id),
        detail: String((r.venue as { name?: string } | undefined)?.name ?? ''),
      }),
    },
    {
      collection: COLLECTIONS.mixers,
      fields: ['title', 'venue', 'phase'],
      toTarget: (r) =>
        r.phase === 'purged'
          ? null
          : { kind: 'event', id: r._id, name: `会聚良缘 · ${String(r.title ?? r._id)}`, detail: String(r.venue ?? '') },
    },
  ],
  site: [
    {
      collection: COLLECTIONS.screeningSites,
      fields: ['name', 'hospital', 'address'],
      toTarget: (r) => ({ kind: 'site', id: r._id, name: String(r.name ?? r._id), detail: String(r.address ?? '') }),
    },
  ],
  merchant: [
    {
      collection: COLLECTIONS.voucherMerchants,
      fields: ['name', 'address', 'suspended'],
      toTarget: (r) =>
        r.suspended ? null : { kind: 'merchant', id: r._id, name: String(r.name ?? r._id), detail: String(r.address ?? '') },
    },
  ],
}

const projection = (fields: string[]) => Object.fromEntries(fields.map((f) => [f, true]))

/**
 * Each merchant can also get a manager (店长), who confirms its statements. The scope keeps the
 * merchant's own name (the role is read from the id: 商户店长 · 苏果超市…); the picker's second line says which one it is.
 */
function managerOf(t: InviteTargetDTO): InviteTargetDTO {
  return { ...t, id: `${t.id}${MERCHANT_MANAGER_SUFFIX}`, detail: t.detail ? `店长（核销与对账）· ${t.detail}` : '店长（核销与对账）' }
}

export function createInviteTargets(db: Db) {
  return {
    /** Every target of this kind (at most 1,000 per source: a union's events, mixers, sites or partner merchants). */
    async list(kind: ScopeKind): Promise<InviteTargetDTO[]> {
      const lists = await Promise.all(
        SOURCES[kind].map(async (src) => {
          return rowsOf<Row>(await db.collection(src.collection).field(projection(src.fields)).limit(1000).get()).map(src.toTarget)
        }),
      )
      const targets = lists.flat().filter((t): t is InviteTargetDTO => t !== null)
      return kind === 'merchant' ? targets.flatMap((t) => [t, managerOf(t)]) : targets
    },
    /** The target with this id, or null when it does not exist (or may not get staff). */
    async find(kind: ScopeKind, id: string): Promise<InviteTargetDTO | null> {
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
