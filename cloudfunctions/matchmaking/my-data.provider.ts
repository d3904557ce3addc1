/** Matchmaking's provider of the member's own data (common/my-data.ts), over the service the composition root builds. */
import type { DataProvider } from '../common/my-data'
import { servicesOf } from './matchmaking.context'

export const matchmakingData: DataProvider<'matchmaking'> = {
  service: 'matchmaking',
  // Built on member's clock for this call (its `now`), so every step reasons with the one injected time.
  exportFor: (db, openid, now) => servicesOf({ db, clock: () => now }).myData.exportFor(openid),
  eraseFor: (db, openid, now) => servicesOf({ db, clock: () => now }).myData.eraseFor(openid),
}
