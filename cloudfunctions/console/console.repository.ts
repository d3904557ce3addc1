import { COLLECTIONS } from '../common/collections'
import type { ConsoleSessionDoc } from '../common/caller'
import type { Db } from '../common/db'
import { readAll, rowsOf } from '../common/paginate'
import type { ConsoleLoginDTO } from '~types/console'

/** `console_logins`: one per code the console shows; `_id` is the code's `scene`. */
export interface ConsoleLoginDoc {
  _id: string
  /** SHA-256 of the secret only the starting browser holds: the database never has the secret itself. */
  secretHash: string
  number: string
  startedAt: number
  expiresAt: number
  place: string | null
  device: string | null
  status: ConsoleLoginDTO['status']
  openid: string | null
  kind: ConsoleSessionDoc['kind'] | null
  confirmedAt: number | null
  sessionId: string | null
}

export function createConsoleRepository(db: Db) {
  const logins = () => db.collection(COLLECTIONS.consoleLogins)
  const sessions = () => db.collection(COLLECTIONS.consoleSessions)
  return {
    addLogin: async (doc: ConsoleLoginDoc) => void (await logins().add(doc)),
    async login(id: string): Promise<ConsoleLoginDoc | null> {
      return rowsOf<ConsoleLoginDoc>(await logins().doc(id).get())[0] ?? null
    },
    /** One conditional update decides each step (pending → confirmed → collected): a second try finds nothing to move. */
    async moveLogin(id: string, from: ConsoleLoginDoc['status'], patch: Partial<ConsoleLoginDoc>): Promise<boolean> {
      return (await logins().where({ _id: id, status: from }).update(patch)).updated === 1
    },
    /** Requests nobody will use again (each lives 2 minutes): the timer clears them, a page at a time. */
    async sweepLogins(before: number): Promise<number> {
      return (
        (
          await logins()
            .where({ startedAt: db.command.lt(before) })
            .remove()
        ).deleted ?? 0
      )
    },
    addSession: async (doc: ConsoleSessionDoc) => void (await sessions().add(doc)),
    async session(id: string): Promise<ConsoleSessionDoc | null> {
      return rowsOf<ConsoleSessionDoc>(await sessions().doc(id).get())[0] ?? null
    },
    /** Her sessions not ended yet (some may be past their 8 hours: the service filters on its clock). */
    open: (openid: string) => readAll<ConsoleSessionDoc>(sessions().where({ openid, endedAt: null })),
    async end(id: string, openid: string, by: 'phone' | 'console', now: number): Promise<boolean> {
      return (await sessions().where({ _id: id, openid, endedAt: null }).update({ endedAt: now, endedBy: by })).updated === 1
    },
  }
}

export type ConsoleRepository = ReturnType<typeof createConsoleRepository>
