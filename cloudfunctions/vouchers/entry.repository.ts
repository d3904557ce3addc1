/** 抽签 entries: one per member per campaign (deterministic `_id`). */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { insertOnce } from '../common/db-errors'
import { readAll, rowsOf } from '../common/paginate'
import type { EntryDoc } from './vouchers.docs'

export const entryIdOf = (campaignId: string, openid: string) => `${campaignId}:${openid}`

export function createEntryRepository(db: Db) {
  const _ = db.command
  const coll = () => db.collection(COLLECTIONS.voucherEntries)
  return {
    async get(campaignId: string, openid: string): Promise<EntryDoc | null> {
      return rowsOf<EntryDoc>(await coll().doc(entryIdOf(campaignId, openid)).get())[0] ?? null
    },
    /** false: she had entered already. */
    add: (e: EntryDoc): Promise<boolean> => insertOnce(coll(), { ...e }),
    async count(campaignId: string): Promise<number> {
      return (await coll().where({ campaignId }).count()).total
    },
    all: (campaignId: string) => readAll<EntryDoc>(coll().where({ campaignId })),
    async markWinners(campaignId: string, refs: string[]): Promise<void> {
      for (let i = 0; i < refs.length; i += 500)
        await coll()
          .where({ campaignId, ref: _.in(refs.slice(i, i + 500)) })
          .update({ result: 'won' })
      await coll().where({ campaignId, result: 'entered' }).update({ result: 'lost' })
    },
    async remove(id: string): Promise<void> {
      await coll().doc(id).remove()
    },
  }
}

export type EntryRepository = ReturnType<typeof createEntryRepository>
