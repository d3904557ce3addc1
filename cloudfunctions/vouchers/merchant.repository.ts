/** Partner merchants (合作商户). */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { readAll, rowsOf } from '../common/paginate'
import type { MerchantDoc } from './vouchers.docs'

export function createMerchantRepository(db: Db) {
  const coll = () => db.collection(COLLECTIONS.voucherMerchants)
  return {
    async get(id: string): Promise<MerchantDoc | null> {
      return rowsOf<MerchantDoc>(await coll().doc(id).get())[0] ?? null
    },
    async many(ids: readonly string[]): Promise<MerchantDoc[]> {
      if (!ids.length) return []
      return rowsOf<MerchantDoc>(
        await coll()
          .where({ _id: db.command.in([...ids]) })
          .limit(1000)
          .get(),
      )
    },
    all: () => readAll<MerchantDoc>(coll().where({})),
    /** An officer's list: her subtree's (unions.ts `ownedWhere`; index `unionPath`), or every one for the city. */
    owned: (where: { unionPath?: string }) => readAll<MerchantDoc>(coll().where(where)),
    async put(doc: MerchantDoc): Promise<void> {
      const { _id, ...rest } = doc
      await coll().doc(_id).set(rest)
    },
    async setSuspended(id: string, suspended: boolean, now: number): Promise<boolean> {
      return (await coll().doc(id).update({ suspended, updatedAt: now })).updated === 1
    },
  }
}

export type MerchantRepository = ReturnType<typeof createMerchantRepository>
