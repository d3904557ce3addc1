/**
 * Screening's part of the member's own-data export: her bookings with consents
 * and results, her waiting-list entries, opt-ins and notices, by named fields.
 */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import type { DataProvider } from '../common/my-data'
import { allOf, fieldsByIds } from '../common/my-data.repository'
import type { MyServicesExport } from '../../types/member'
import type { BookingDoc, ResultDoc, WaitlistDoc } from './screening.docs'
import { createNoticeService } from './notice.service'
import { eraseScreening } from './my-data.erase'

const str = (d: Record<string, unknown> | undefined, k: string): string => (typeof d?.[k] === 'string' ? (d[k] as string) : '')
const byTime = <T>(key: (t: T) => number) => (a: T, b: T) => key(a) - key(b)

async function recordsOf(db: Db, openid: string) {
  const notices = createNoticeService({ db, clock: Date.now })
  const [bookings, waitlist, results, sent, credits] = await Promise.all([
    allOf(db, COLLECTIONS.screeningBookings, { openid }),
    allOf(db, COLLECTIONS.screeningWaitlist, { openid }),
    allOf(db, COLLECTIONS.screeningResults, { openid }),
    notices.list(openid),
    notices.credits(openid),
  ])
  return { bookings, waitlist, results, notices: sent, credits }
}

async function exportFor(db: Db, openid: string): Promise<MyServicesExport['screening']> {
  const raw = await recordsOf(db, openid)
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
    noticeOptins: raw.credits,
    notices: [...raw.notices].sort(byTime((n) => n.createdAt)).map((n) => ({
      kind: n.kind, title: n.title, fields: n.fields, createdAt: n.createdAt, delivered: n.delivered,
    })),
  }
}

export const screeningData: DataProvider<'screening'> = { service: 'screening', exportFor, eraseFor: eraseScreening }
