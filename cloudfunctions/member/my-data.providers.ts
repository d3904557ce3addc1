/** Every service's part of the member's own data; a new service adds its provider here (the type refuses one left out). */
import type { DataProviders } from '../common/my-data'
import { eventsData } from '../events/my-data.provider'
import { matchmakingData } from '../matchmaking/my-data.provider'
import { screeningData } from '../screening/my-data.provider'
import { vouchersData } from '../vouchers/my-data.provider'

export const DATA_PROVIDERS: DataProviders = { screening: screeningData, events: eventsData, matchmaking: matchmakingData, vouchers: vouchersData }
