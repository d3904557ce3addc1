import type { RosterDoc } from '../common/member-docs'
import { beijingClock, beijingDate } from '../common/time'
import type { ErrorDetails } from '~types/envelope'

/** Failed verification budget per openid: enough for typos, too few to guess a stranger's card. */
export const VERIFY_MAX_ATTEMPTS = 5
export const VERIFY_WINDOW_MS = 15 * 60_000
/** From this many attempts left, a mismatch warns how many remain. */
const VERIFY_WARN_FROM = 2

function clockText(at: number, now: number): string {
  return beijingDate(at) === beijingDate(now) ? beijingClock(at) : `${beijingDate(at)} ${beijingClock(at)}`
}

/**
 * What a failed verification tells her: on the last tries how many remain, and
 * once spent when she may try again (Beijing time, and in minutes).
 */
export function attemptNotice(
  window: { count: number; windowStart: number } | null,
  now: number,
): { suffix: string; details: ErrorDetails } {
  const count = window && window.windowStart > now - VERIFY_WINDOW_MS ? window.count : 0
  const left = Math.max(0, VERIFY_MAX_ATTEMPTS - count)
  const retryAt = (window?.windowStart ?? now) + VERIFY_WINDOW_MS
  if (left === 0) {
    const minutes = Math.max(1, Math.ceil((retryAt - now) / 60_000))
    return { suffix: `请在 ${clockText(retryAt, now)} 后再试（约 ${minutes} 分钟后）`, details: { attemptsLeft: 0, retryAt } }
  }
  if (left <= VERIFY_WARN_FROM)
    return { suffix: `还可尝试 ${left} 次，用完后需等待至 ${clockText(retryAt, now)}`, details: { attemptsLeft: left, retryAt } }
  return { suffix: '', details: { attemptsLeft: left } }
}

/** Names compare without spaces (incl. full-width) and the middle-dot variants people type. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[·•・．.]/g, '·')
}

export function normalizeCardNo(cardNo: string): string {
  return cardNo.trim().toUpperCase().replace(/-/g, '')
}

/** The one roster record this name + card (or phone) identifies, if any. */
export function matchRoster(candidates: RosterDoc[], name: string): RosterDoc | null {
  const wanted = normalizeName(name)
  const hits = candidates.filter((r) => normalizeName(r.name) === wanted)
  return hits.length === 1 ? hits[0] : null
}
