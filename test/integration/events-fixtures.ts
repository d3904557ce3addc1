/**
 * Fixtures for the events integration tests: verified members, staff and a small
 * fair written straight into the emulator through the SDK (the member function's
 * own flow is tested elsewhere; here it would only slow 300 members down).
 */
import type { Db } from '../../cloudfunctions/common/db'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { StoredRole } from '../../cloudfunctions/common/member-docs'
import { createCatalogRepository } from '../../cloudfunctions/events/catalog.repository'

export const HOUR = 3_600_000
export const T0 = Date.UTC(2027, 0, 1, 2, 0) // 2027-01-01 10:00 Shanghai

/** `unionPath`: her union's place in the tree (issue 20); without, a record imported before the tree. */
export async function seedMember(db: Db, openid: string, name: string, roles: StoredRole[] = [], unionPath?: string[]): Promise<void> {
  const cardNo = `T${openid.replace(/[^A-Za-z0-9]/g, '').slice(-10)}`
  await db
    .collection(COLLECTIONS.roster)
    .doc(cardNo)
    .set({
      name,
      cardNo,
      phone: '13900000000',
      branch: '测试工会',
      tags: [],
      gender: 'F',
      birthDate: '1980-01-01',
      boundOpenid: openid,
      ...(unionPath ? { unionId: unionPath[unionPath.length - 1], unionPath } : {}),
      importedAt: T0,
      updatedAt: T0,
    })
  await db.collection(COLLECTIONS.users).doc(openid).set({
    rosterId: cardNo,
    verifiedAt: T0,
    roles,
    deletionRequestedAt: null,
    createdAt: T0,
    updatedAt: T0,
  })
}

export const staffOf = (eventId: string): StoredRole[] => [{ role: 'staff', scope: { kind: 'event', id: eventId, name: eventId } }]

export interface FairOptions {
  id: string
  booths?: number // per zone
  stock?: number
  rule?: { minTotal: number; minPerZone: number }
  cooldownSeconds?: number
  signUpRequired?: boolean
  capacity?: number | null
}

/** A running fair (T0-1h … T0+47h) with zones A and B, booths `${id}A0`…, one tier `${id}T` and checkpoints start/summit. */
export async function seedFair(db: Db, o: FairOptions): Promise<void> {
  const capacity = o.capacity ?? null
  const catalog = createCatalogRepository(db)
  await catalog.insertEvent(
    {
      id: o.id,
      kind: 'fair',
      title: `测试集市${o.id}`,
      description: '',
      organiser: '测试工会',
      venue: { name: '中庭', address: '', city: '南京市' },
      startsAt: T0 - HOUR,
      endsAt: T0 + 47 * HOUR,
      zones: [
        { id: 'A', name: '匠心特产集' },
        { id: 'B', name: '巧手工艺廊' },
      ],
      signUp: { required: o.signUpRequired ?? false, capacity, closesAt: null },
      stampRules: { cooldownSeconds: o.cooldownSeconds ?? 0 },
      signedUp: 0,
      seatsLeft: capacity,
    },
    T0,
  )
  let order = 0
  for (const zone of ['A', 'B']) {
    for (let i = 0; i < (o.booths ?? 3); i++) {
      await catalog.putBooth(
        {
          id: `${o.id}${zone}${i}`,
          eventId: o.id,
          zoneId: zone,
          name: `展位${zone}${i}`,
          exhibitor: '参展商',
          codeVersion: 0,
          order: order++,
        },
        T0,
      )
    }
  }
  await catalog.insertTier(
    {
      id: `${o.id}T`,
      eventId: o.id,
      name: '集满档',
      gift: '关公贴',
      rule: o.rule ?? { minTotal: 1, minPerZone: 0 },
      stock: o.stock ?? 10,
      left: o.stock ?? 10,
      order: 0,
    },
    T0,
  )
  await catalog.putCheckpoint({ id: `${o.id}S`, eventId: o.id, name: '起点', opensAt: T0 - HOUR, closesAt: T0 + 2 * HOUR, order: 0 }, T0)
  await catalog.putCheckpoint({ id: `${o.id}M`, eventId: o.id, name: '山顶', opensAt: T0 + HOUR, closesAt: T0 + 5 * HOUR, order: 1 }, T0)
}

/** A stamp written straight into the ledger (what `stamp` would have stored). */
export async function giveStamp(db: Db, eventId: string, boothId: string, zoneId: string, openid: string, at = T0): Promise<void> {
  await db
    .collection(COLLECTIONS.eventStamps)
    .add({ _id: `${eventId}:${boothId}:${openid}`, eventId, boothId, zoneId, openid, stampedAt: at })
}

/** Runs `fn` over items with at most `n` in flight. */
export async function pool<T, R>(items: T[], n: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++
        out[i] = await fn(items[i])
      }
    }),
  )
  return out
}
