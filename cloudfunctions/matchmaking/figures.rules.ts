/** Aggregate figures for officers: any count under five is shown as '<5' so no small group can be singled out. */
import type { Figure } from '~types/matchmaking'

const SMALL_COUNT = 5

export function figure(n: number): Figure {
  return n < SMALL_COUNT ? '<5' : n
}

/** Whole days after the mixer ends before its personal data goes. */
export function purgeDue(m: { endsAt: number; retentionDays: number }, now: number): boolean {
  return now >= m.endsAt + m.retentionDays * 86_400_000
}
