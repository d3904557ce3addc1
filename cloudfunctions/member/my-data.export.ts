/**
 * The caller's records in screening and events, mapped to the export DTOs:
 * named fields only (no openids, holders, member snapshots or staff ids).
 */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import type { MyServicesExport } from '../../types/member'
import type { BookingDoc, ResultDoc, WaitlistDoc } from '../screening/screening.docs'
import type { OutboxDoc } from '../screening/notice.service'
import type { CheckInRec, RedemptionRec, SignUpRec, StampRec } from '../events/activity.repository'
import { eventRecordsOf, fieldsByIds, screeningRecordsOf } from './my-data.repository'

const str = (d: Record<string, unknown> | undefined, k: string): string => (typeof d?.[k] === 'string' ? (d[k] as string) : '')
const byTime = <T>(key: (t: T) => number) => (a: T, b: T) => key(a) - key(b)

export async function screeningExport(db: Db, openid: string): Promise<MyServicesExport['screening']> {
  const raw = await screeningRecordsOf(db, openid)
  const bookings = raw.bookings as unknown as BookingDoc[]
  const waitlist = raw.waitlist as unknown as WaitlistDoc[]
  const results = new Map((raw.results as unknown as ResultDoc[]).map((r) => [r._id, r]))
  const progIds = [...bookings, ...waitlist].map((x) => x.programmeId)
  const [programmes, sites, sessions] = await Promise.all([
    fieldsByIds(db, COLLECTIONS.screeningProgrammes, progIds, ['name']),
    fieldsByIds(db, COLLECTIONS.screeningSites, [...bookings.map((b) => b.siteId), ...waitlist.map((w) => w.siteId ?? '')], ['name']),
    fieldsByIds(db, COLLECTIONS.screeningSessions, bookings.map((b) => b.sessionId), ['date', 'start', 'end']),
  ])
  return {
    bookings: bookings.sort(byTime((b) => b.pendingAt)).map((b) => {
      const s = sessions.get(b.sessionId)
      const r = results.get(b._id)
      return {
        bookingId: b.ref, programmeName: str(programmes.get(b.programmeId), 'name'), siteName: str(sites.get(b.siteId), 'name'),
        date: str(s, 'date'), start: str(s, 'start'), end: str(s, 'end'), status: b.status, bookedAt: b.bookedAt,
        consent: { version: b.consent.version, at: b.consent.at }, checkedInAt: b.checkedInAt, cancelledAt: b.cancelledAt,
        resultReady: b.resultReady, result: r ? { outcome: r.outcome, note: r.note, readyAt: r.readyAt } : null,
      }
    }),
    waitlist: waitlist.sort(byTime((w) => w.joinedAt)).map((w) => ({
      programmeName: str(programmes.get(w.programmeId), 'name'), siteName: w.siteId ? str(sites.get(w.siteId), 'name') : null,
      status: w.status, joinedAt: w.joinedAt,
    })),
    noticeOptins: (raw.optin?.credits as Record<string, number> | undefined) ?? null,
    notices: (raw.notices as unknown as OutboxDoc[]).sort(byTime((n) => n.createdAt)).map((n) => ({
      kind: n.kind, title: n.title, fields: n.fields, createdAt: n.createdAt, delivered: n.delivered,
    })),
  }
}

export async function eventsExport(db: Db, openid: string): Promise<MyServicesExport['events']> {
  const raw = await eventRecordsOf(db, openid)
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
