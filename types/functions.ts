import type { ConsoleActions } from './console'
import type { EventsActions } from './events'
import type { MatchmakingActions } from './matchmaking'
import type { MemberActions } from './member'
import type { ScreeningActions } from './screening'
import type { VouchersActions } from './vouchers'

/**
 * Every cloud function the client may call, by name, with its action map
 * (action name → [request, response]). A new service adds one line here.
 */
export interface FunctionActions {
  member: MemberActions
  events: EventsActions
  screening: ScreeningActions
  matchmaking: MatchmakingActions
  vouchers: VouchersActions
  console: ConsoleActions
}
