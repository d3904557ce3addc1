/** Events' part of the member's own-data export: her sign-ups, stamps, redemptions and check-ins, by named fields. */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import type { DataProvider } from '../common/my-data'
import { allOf, fieldsByIds } from '../common/my-data.repository'
import type { MyServicesExport } from '../../types/member'
import type { CheckInRec, RedemptionRec, SignUpRec, StampRec } from './activity.repository'
import { eraseEvents } from './my-data.erase'

const str = (d: Record<string, unknown> | undefined, k: string): string => (typeof d?.[k] === 'string' ? (d[k] as string) : '')
const byTime = <T>(key: (t: T) => number) => (a: T, b: T) => key(a) - key(b)

async function recordsOf(db: Db, openid: string) {
  const [signUps, stamps, redemptions, checkIns] = await Promise.all([
    allOf(db, COLLECTIONS.eventSignups, { openid }),
    allOf(db, COLLECTIONS.eventStamps, { openid }),
    allOf(db, COLLECTIONS.eventRedemptions, { openid }),
    allOf(db, COLLECTIONS.eventCheckins, { openid }),
  ])
  return { signUps, stamps, redemptions, checkIns }
}

async function exportFor(db: Db, openid: string): Promise<MyServicesExport['events']> {
  const raw = await recordsOf(db, openid)
  const signUps = raw.signUps as unknown as SignUpRec[]
  const stamps = raw.stamps as unknown as StampRec[]
  const redemptions = raw.redemptions as unknown as RedemptionRec[]
  const checkIns = raw.checkIns as unknown as CheckInRec[]
  const eventIds = [...signUps, ...stamps, ...redemptions, ...checkIns].map((x) => x.eventId)
  const [events, booths, tiers, checkpoints] = await Promise.all([
    fieldsByIds(db, COLLECTIONS.events, eventIds, ['title']),
    fieldsByIds(db, COLLECTIONS.eventBooths, stamps.map((s) => s.boothId), ['name']),
    fieldsByIds(db, COLLECTIONS.eventTiers, redemptions.map((r) => r.tierId), ['name', 'gift']),
    fieldsByIds(db, COLLECTIONS.eventCheckpoints, checkIns.map((c) => c.checkpointId), ['name']),
  ])
  const title = (id: string) => str(events.get(id), 'title')
  return {
    signUps: signUps.sort(byTime((s) => s.pendingAt)).map((s) => ({ eventTitle: title(s.eventId), state: s.state, signedUpAt: s.signedUpAt })),
    stamps: stamps.sort(byTime((s) => s.stampedAt)).map((s) => ({ eventTitle: title(s.eventId), boothName: str(booths.get(s.boothId), 'name'), stampedAt: s.stampedAt })),
    redemptions: redemptions.sort(byTime((r) => r.pendingAt)).map((r) => ({
      eventTitle: title(r.eventId), tierName: str(tiers.get(r.tierId), 'name'), gift: str(tiers.get(r.tierId), 'gift'),
      state: r.state, redeemedAt: r.redeemedAt, desk: r.desk,
    })),
    checkIns: checkIns.sort(byTime((c) => c.checkedInAt)).map((c) => ({
      eventTitle: title(c.eventId), checkpointName: str(checkpoints.get(c.checkpointId), 'name'), checkedInAt: c.checkedInAt,
    })),
  }
}

export const eventsData: DataProvider<'events'> = { service: 'events', exportFor, eraseFor: eraseEvents }
