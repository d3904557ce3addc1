/**
 * The one way a mixer's times are written, on every page that shows them (the list,
 * the mixer page, my sign-up and check-in, the pick page): Beijing time, the date
 * always with the clock time, so "21:00" never stands alone to be read as another day's.
 */
import type { MixerInput } from '~types/matchmaking'
import { formatDateTime, formatRange } from '~src/utils/datetime'

/** "8月19日 21:00": one instant of a mixer (sign-up close, pick open or close). */
export const mixerInstant = (ms: number): string => formatDateTime(ms)

/** "8月19日 19:00 – 23:00": when the mixer itself runs. */
export const mixerWhen = (m: Pick<MixerInput, 'startsAt' | 'endsAt'>): string => formatRange(m.startsAt, m.endsAt)

/** "8月19日 21:00 – 22:00": the 心动选择 window (its close publishes the results). */
export const pickWindow = (m: Pick<MixerInput, 'pickOpensAt' | 'pickClosesAt'>): string => formatRange(m.pickOpensAt, m.pickClosesAt)
