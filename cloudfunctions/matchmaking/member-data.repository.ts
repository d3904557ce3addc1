/** A member's own matchmaking records: profile, single statement, bar. Each keyed by openid. */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { rowsOf } from '../common/paginate'
import type { BarDoc, ProfileDoc, StatementDoc } from './matchmaking.docs'

export function createMemberDataRepository(db: Db) {
  const one = async <T>(c: string, id: string): Promise<T | null> => rowsOf<T>(await db.collection(c).doc(id).get())[0] ?? null
  const put = async (c: string, doc: { _id: string }) => {
    const { _id, ...rest } = doc
    await db.collection(c).doc(_id).set(rest)
  }
  return {
    profile: (openid: string) => one<ProfileDoc>(COLLECTIONS.mixerProfiles, openid),
    statement: (openid: string) => one<StatementDoc>(COLLECTIONS.mixerStatements, openid),
    bar: (openid: string) => one<BarDoc>(COLLECTIONS.mixerBars, openid),
    saveProfile: (doc: ProfileDoc) => put(COLLECTIONS.mixerProfiles, doc),
    saveStatement: (doc: StatementDoc) => put(COLLECTIONS.mixerStatements, doc),
    saveBar: (doc: BarDoc) => put(COLLECTIONS.mixerBars, doc),
    async removeProfile(openid: string): Promise<void> {
      await db.collection(COLLECTIONS.mixerProfiles).where({ _id: openid }).remove()
    },
    async removeStatement(openid: string): Promise<void> {
      await db.collection(COLLECTIONS.mixerStatements).where({ _id: openid }).remove()
    },
    async removeBar(openid: string): Promise<void> {
      await db.collection(COLLECTIONS.mixerBars).where({ _id: openid }).remove()
    },
    /** The appeal is written once: the condition refuses a second. */
    async appeal(openid: string, appeal: NonNullable<BarDoc['appeal']>): Promise<boolean> {
      const r = await db.collection(COLLECTIONS.mixerBars).where({ _id: openid, appeal: null }).update({ appeal: db.command.set(appeal) })
      return r.updated === 1
    },
    async updateBar(openid: string, patch: Partial<BarDoc>): Promise<void> {
      await db.collection(COLLECTIONS.mixerBars).doc(openid).update(patch)
    },
  }
}

export type MemberDataRepository = ReturnType<typeof createMemberDataRepository>
