/**
 * 抽签: a seeded draw anyone can check. Published: the seed, the number of
 * entrants and the SHA-256 of the sorted entry references (one per line). Each
 * entry's rank is SHA-256(`${seed}:${ref}`); the lowest ranks win. Given the
 * list (whose digest matches) and the seed, anyone recomputes the winners.
 * Entry references are hashes, never openids, so the list can be published.
 */
import { createHash } from 'node:crypto'

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex')

/** A member's reference in one campaign's draw: stable, and reveals nothing about who they are. */
export function entryRef(campaignId: string, openid: string, salt: string): string {
  return sha256(`entry:${salt}:${campaignId}:${openid}`).slice(0, 16)
}

export function entriesDigest(refs: readonly string[]): string {
  return sha256([...refs].sort().join('\n'))
}

export interface DrawOutcome {
  seed: string
  entrants: number
  entriesDigest: string
  winners: string[]
}

export function draw(seed: string, refs: readonly string[], places: number): DrawOutcome {
  const unique = [...new Set(refs)]
  const ranked = unique
    .map((ref) => ({ ref, rank: sha256(`${seed}:${ref}`) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
  return {
    seed,
    entrants: unique.length,
    entriesDigest: entriesDigest(unique),
    winners: ranked.slice(0, Math.max(0, places)).map((x) => x.ref),
  }
}
