/** What every screening service is given (DESIGN.md style 5: `createXService(deps)` with a named deps interface). */
import type { Clock } from '../common/clock'
import type { Db } from '../common/db'

export interface ScreeningDeps {
  db: Db
  clock: Clock
}
