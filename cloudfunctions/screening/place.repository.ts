/**
 * Bounded places: screening sessions and branch quotas. Every change is ONE
 * conditional update of one document, so concurrent requests can never take
 * more places than exist, and every release is idempotent (it only gives a
 * place back if that holder is still there).
 */
import type { Db } from '../common/db'
import type { Holder } from './screening.docs'

export interface PlaceStore {
  /** Takes one place for `placeId`; false when none is left. */
  take(docId: string, placeId: string, holder: Holder): Promise<boolean>
  /** Gives `placeId`'s place back; false when it no longer held one. */
  release(docId: string, placeId: string): Promise<boolean>
  /** Hands `from`'s place to `to` without it ever becoming free. */
  transfer(docId: string, from: string, to: string, holder: Holder): Promise<boolean>
}

export function createPlaceStore(db: Db, collection: string): PlaceStore {
  const _ = db.command
  const coll = db.collection(collection)
  return {
    async take(docId, placeId, holder) {
      const r = await coll.where({ _id: docId, left: _.gt(0) }).update({ left: _.inc(-1), [`holders.${placeId}`]: holder })
      return r.updated === 1
    },
    async release(docId, placeId) {
      const r = await coll
        .where({ _id: docId, [`holders.${placeId}`]: _.exists(true) })
        .update({ left: _.inc(1), [`holders.${placeId}`]: _.remove() })
      return r.updated === 1
    },
    async transfer(docId, from, to, holder) {
      const r = await coll
        .where({ _id: docId, [`holders.${from}`]: _.exists(true) })
        .update({ [`holders.${from}`]: _.remove(), [`holders.${to}`]: holder })
      return r.updated === 1
    },
  }
}
