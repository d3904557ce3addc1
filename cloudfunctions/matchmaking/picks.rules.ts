/**
 * Submissions and matching. The server never learns whom a token stands for:
 * it checks the shape (exactly K tokens of 32 bytes, no repeats), the time and
 * the submitter's check-in; at the deadline a token held by two attendees of
 * different groups is a mutual pick.
 */
import type { ErrorCode } from '~types/errors'
import type { Gender } from '~types/matchmaking'

const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/

export interface PickWindow {
  pickOpensAt: number
  pickClosesAt: number
  k: number
}

/** Why a submission is refused, or null. Order matters: time and check-in before shape. */
export function submissionRefusal(
  w: PickWindow,
  submitter: { checkedIn: boolean; hasKey: boolean },
  tokens: string[],
  now: number,
): ErrorCode | null {
  if (now < w.pickOpensAt) return 'PICK_NOT_OPEN'
  if (now >= w.pickClosesAt) return 'PICK_CLOSED'
  if (!submitter.checkedIn || !submitter.hasKey) return 'MIXER_NOT_CHECKED_IN'
  if (tokens.length !== w.k) return 'PICK_COUNT'
  if (!tokens.every((t) => TOKEN_RE.test(t)) || new Set(tokens).size !== tokens.length) return 'PICK_TOKEN_INVALID'
  return null
}

export interface Submission {
  ref: string
  gender: Gender
  tokens: string[]
}

/**
 * Pairs of refs sharing a token, each pair once, sorted. A token held by two of
 * the same group, or by three or more, matches nobody (it cannot come from an
 * honest pick between the two groups).
 */
export function computeMatches(subs: Submission[], blocked: (a: string, b: string) => boolean = () => false): [string, string][] {
  const holders = new Map<string, Submission[]>()
  for (const s of subs) for (const t of new Set(s.tokens)) holders.set(t, [...(holders.get(t) ?? []), s])
  const pairs = new Map<string, [string, string]>()
  for (const hs of holders.values()) {
    if (hs.length !== 2 || hs[0].gender === hs[1].gender) continue
    const [a, b] = [hs[0].ref, hs[1].ref].sort()
    if (blocked(a, b)) continue
    pairs.set(`${a}|${b}`, [a, b])
  }
  return [...pairs.values()].sort((x, y) => (x[0] + x[1]).localeCompare(y[0] + y[1]))
}
