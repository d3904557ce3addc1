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
    /** Profiles of members who no longer have any mixer holding data: one removal. */
    async removeProfiles(openids: string[]): Promise<void> {
      for (let i = 0; i < openids.length; i += 1000)
        await db
          .collection(COLLECTIONS.mixerProfiles)
          .where({ _id: db.command.in(openids.slice(i, i + 1000)) })
          .remove()
    },
    /** Conditional: only a standing statement is withdrawn, so two same-id runs never both withdraw. */
    async withdrawStatement(openid: string, at: number): Promise<boolean> {
      return (
        (await db.collection(COLLECTIONS.mixerStatements).where({ _id: openid, withdrawnAt: null }).update({ withdrawnAt: at })).updated ===
        1
      )
    },
    async removeStatement(openid: string): Promise<void> {
      await db.collection(COLLECTIONS.mixerStatements).where({ _id: openid }).remove()
    },
    async removeBar(openid: string): Promise<void> {
      await db.collection(COLLECTIONS.mixerBars).where({ _id: openid }).remove()
    },
    /** The appeal is written once: the condition refuses a second. */
    async appeal(openid: string, appeal: NonNullable<BarDoc['appeal']>): Promise<boolean> {
      const r = await db
        .collection(COLLECTIONS.mixerBars)
        .where({ _id: openid, appeal: null })
        .update({ appeal: db.command.set(appeal) })
      return r.updated === 1
    },
    /** Decides a pending appeal once: the condition refuses a second decision. */
    async decideAppeal(openid: string, reportId: string, lift: boolean, at: number): Promise<boolean> {
      const patch = { 'appeal.outcome': lift ? 'lifted' : 'upheld', ...(lift ? { liftedAt: at } : {}) }
      return (
        (await db.collection(COLLECTIONS.mixerBars).where({ _id: openid, reportId, 'appeal.outcome': 'pending' }).update(patch)).updated ===
        1
      )
    },
  }
}

export type MemberDataRepository = ReturnType<typeof createMemberDataRepository>
