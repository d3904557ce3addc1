/**
 * Screening's part of the member's own data (PIPL): her bookings with consents and results, her
 * waiting-list entries, opt-ins and notices, by named fields; and her deletion request. Her result is
 * health data: the hospital keeps the medical record, the app erases its copy. A booking she has not
 * yet attended stays until she attends or cancels (erasing it would silently give her place away);
 * past bookings go.
 */
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import type { ErasureReport } from '../common/my-data'
import type { MyServicesExport } from '~types/member'
import { siteLabel } from '~types/screening'
import type { BookingRepository } from './booking.repository'
import type { CatalogRepository } from './catalog.repository'
import type { NoticeService } from './notice.service'
import type { ResultRepository } from './result.repository'
import type { BookingDoc, ProgrammeDoc, ResultDoc, SessionDoc, SiteDoc, WaitlistDoc } from './screening.docs'
import type { WaitlistRepository } from './waitlist.repository'

type ScreeningExport = MyServicesExport['screening']

export interface MyDataDeps {
  /** For the erasure's removals by her openid. */
  db: Db
  catalog: CatalogRepository
  bookings: BookingRepository
  entries: WaitlistRepository
  results: ResultRepository
  notices: NoticeService
}

const byTime =
  <T>(key: (t: T) => number) =>
  (a: T, b: T) =>
    key(a) - key(b)

/** The documents of these ids, read once each (the catalogue is cached in the instance). */
async function byIds<T>(ids: string[], read: (id: string) => Promise<T | null>): Promise<Map<string, T>> {
  const unique = [...new Set(ids.filter(Boolean))]
  const docs = await Promise.all(unique.map(read))
  return new Map(unique.flatMap((id, i) => (docs[i] ? [[id, docs[i]] as [string, T]] : [])))
}

type BookingRow = ScreeningExport['bookings'][number]

const siteOf = (site?: SiteDoc) => (site ? siteLabel(site) : '')

function bookingRow(b: BookingDoc, r: ResultDoc | undefined, p?: ProgrammeDoc, site?: SiteDoc, s?: SessionDoc): BookingRow {
  return {
    bookingId: b.ref,
    programmeName: p?.name ?? '',
    siteName: siteOf(site),
    date: s?.date ?? '',
    start: s?.start ?? '',
    end: s?.end ?? '',
    status: b.status,
    bookedAt: b.bookedAt,
    consent: { version: b.consent.version, at: b.consent.at },
    checkedInAt: b.checkedInAt,
    cancelledAt: b.cancelledAt,
    resultReady: b.resultReady,
    result: r ? { outcome: r.outcome, note: r.note, readyAt: r.readyAt } : null,
  }
}

export function createMyDataService({ db, catalog, bookings, entries, results, notices }: MyDataDeps) {
  async function exportFor(openid: string): Promise<ScreeningExport> {
    const [mine, waitlist, marked, sent, credits] = await Promise.all([
      bookings.byOpenid(openid),
      entries.byOpenid(openid),
      results.byOpenid(openid),
      notices.list(openid),
      notices.credits(openid),
    ])
    const resultOf = new Map(marked.map((r) => [r._id, r]))
    const [programmes, sites, sessions] = await Promise.all([
      byIds(
        [...mine, ...waitlist].map((x) => x.programmeId),
        catalog.programme,
      ),
      byIds([...mine.map((b) => b.siteId), ...waitlist.map((w) => w.siteId ?? '')], catalog.site),
      byIds(
        mine.map((b) => b.sessionId),
        catalog.session,
      ),
    ])
    return {
      bookings: [...mine]
        .sort(byTime((b) => b.pendingAt))
        .map((b) => bookingRow(b, resultOf.get(b._id), programmes.get(b.programmeId), sites.get(b.siteId), sessions.get(b.sessionId))),
      waitlist: [...waitlist].sort(byTime((w: WaitlistDoc) => w.joinedAt)).map((w) => ({
        programmeName: programmes.get(w.programmeId)?.name ?? '',
        siteName: w.siteId ? siteOf(sites.get(w.siteId)) : null,
        status: w.status,
        joinedAt: w.joinedAt,
      })),
      noticeOptins: credits,
      notices: [...sent]
        .sort(byTime((n) => n.createdAt))
        .map((n) => ({ kind: n.kind, title: n.title, fields: n.fields, createdAt: n.createdAt, delivered: n.delivered })),
    }
  }

  async function eraseFor(openid: string): Promise<ErasureReport> {
    const removed = async (coll: string, where: Record<string, unknown>) => (await db.collection(coll).where(where).remove()).deleted ?? 0
    const marked = await removed(COLLECTIONS.screeningResults, { openid })
    const past = await removed(COLLECTIONS.screeningBookings, { openid, status: db.command.neq('booked') })
    const waitlist = await removed(COLLECTIONS.screeningWaitlist, { openid })
    const sent = await notices.erase(openid)
    const open = (await db.collection(COLLECTIONS.screeningBookings).where({ openid, status: 'booked' }).count()).total ?? 0
    return {
      erased: [`筛查结果 ${marked} 条`, `预约记录 ${past} 条`, `候补记录 ${waitlist} 条`, `筛查通知 ${sent} 条`],
      kept: open ? [{ what: `未就诊的筛查预约 ${open} 条`, why: '预约尚未完成：就诊或取消后再次处理删除申请即可删除', later: true }] : [],
    }
  }

  return { exportFor, eraseFor }
}
