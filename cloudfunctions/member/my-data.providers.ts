/** Every service's part of the member's own data; a new service adds its provider here (the type refuses one left out). */
import type { Clock } from '../common/clock'
import type { Db } from '../common/db'
import type { DataProvider, DataProviders, DataService, ErasureReport } from '../common/my-data'
import type { MyServicesExport } from '~types/member'
import { eventsData } from '../events/my-data.provider'
import { matchmakingData } from '../matchmaking/my-data.provider'
import { screeningData } from '../screening/my-data.provider'
import { vouchersData } from '../vouchers/my-data.provider'

export const DATA_PROVIDERS: DataProviders = {
  screening: screeningData,
  events: eventsData,
  matchmaking: matchmakingData,
  vouchers: vouchersData,
}

/** The providers on member's db and injected clock: her whole export, and every service's erasure in turn. */
export function bindProviders(providers: DataProviders, db: Db, clock: Clock) {
  return {
    async exportAll(openid: string): Promise<MyServicesExport> {
      const now = clock()
      const [screening, events, matchmaking, vouchers] = await Promise.all([
        providers.screening.exportFor(db, openid, now),
        providers.events.exportFor(db, openid, now),
        providers.matchmaking.exportFor(db, openid, now),
        providers.vouchers.exportFor(db, openid, now),
      ])
      return { screening, events, matchmaking, vouchers }
    },
    /** One service after the other (each erases only her records); a new service needs no change here. */
    async eraseAll(openid: string, now: number): Promise<ErasureReport[]> {
      const reports: ErasureReport[] = []
      for (const provider of Object.values(providers) as DataProvider<DataService>[]) reports.push(await provider.eraseFor(db, openid, now))
      return reports
    },
  }
}

export type BoundProviders = ReturnType<typeof bindProviders>
