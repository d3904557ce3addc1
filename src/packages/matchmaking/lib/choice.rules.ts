/**
 * What the pick page lets through before any token is made: at most K badges,
 * each of a checked-in attendee of the other group in the frozen directory.
 * (The server cannot check this: it never learns whom a token stands for; it
 * only ever matches tokens shared across the two groups.)
 */
import type { ErrorCode } from '~types/errors'
import type { DirectoryDTO } from '~types/matchmaking'

export function choiceRefusal(dir: Pick<DirectoryDTO, 'k' | 'others' | 'me'>, badges: number[]): ErrorCode | null {
  if (badges.length > dir.k || new Set(badges).size !== badges.length) return 'PICK_COUNT'
  if (badges.some((b) => !dir.others.some((e) => e.badge === b))) return 'PICK_SAME_GROUP'
  return null
}
