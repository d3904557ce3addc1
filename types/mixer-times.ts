/**
 * The order a mixer's times must keep: one rule, checked by the officer's form
 * before sending (src/packages/matchmaking/lib/mixer-form.ts) and by the server
 * before saving (cloudfunctions/matchmaking/officer.service.ts).
 *
 * What a real mixer needs:
 * - it ends after it starts, and sign-up closes after it opens;
 * - sign-up opens before the mixer starts (nobody signs up for what already began);
 * - the pick window opens no earlier than sign-up closes: check-in closes and the
 *   directory freezes when picks open, so a later sign-up could never be checked in
 *   nor picked;
 * - picks open after the mixer starts: attendees check in at the venue first;
 * - the pick window closes after it opens (its close publishes the results).
 * Sign-up may stay open into the mixer itself (people who come to the door sign up
 * and check in, as the demo's 七夕 mixer does), so sign-up need not close before it starts;
 * picks may run on after the mixer ends (choose at home that evening).
 */
import type { MixerInput } from './matchmaking'

export type MixerTimes = Pick<MixerInput, 'startsAt' | 'endsAt' | 'signupOpensAt' | 'signupClosesAt' | 'pickOpensAt' | 'pickClosesAt'>
export interface MixerTimesProblem {
  field: keyof MixerTimes
  message: string
}

const RULES: [keyof MixerTimes, (t: MixerTimes) => boolean, string][] = [
  ['endsAt', (t) => t.endsAt > t.startsAt, '活动结束时间应晚于开始时间'],
  ['signupClosesAt', (t) => t.signupClosesAt > t.signupOpensAt, '报名截止时间应晚于报名开始时间'],
  ['signupOpensAt', (t) => t.signupOpensAt < t.startsAt, '报名开始时间应早于活动开始时间'],
  ['pickOpensAt', (t) => t.pickOpensAt >= t.signupClosesAt, '心动选择开始时间不能早于报名截止时间'],
  ['pickOpensAt', (t) => t.pickOpensAt > t.startsAt, '心动选择开始时间应晚于活动开始时间（参加者须先到场签到）'],
  ['pickClosesAt', (t) => t.pickClosesAt > t.pickOpensAt, '心动选择截止时间应晚于心动选择开始时间'],
]

/** The first ordering the times break, naming the field to fix; null when they are consistent. */
export function mixerTimesProblem(t: MixerTimes): MixerTimesProblem | null {
  const broken = RULES.find(([, holds]) => !holds(t))
  return broken ? { field: broken[0], message: broken[2] } : null
}
