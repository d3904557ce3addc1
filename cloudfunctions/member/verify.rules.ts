import type { RosterDoc } from '../common/member-docs'

/** Failed verification budget per openid: enough for typos, too few to guess a stranger's card. */
export const VERIFY_MAX_ATTEMPTS = 5
export const VERIFY_WINDOW_MS = 15 * 60_000

/** Names compare without spaces (incl. full-width) and the middle-dot variants people type. */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').replace(/[·•・．.]/g, '·')
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
