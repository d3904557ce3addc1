/**
 * Reminders sent by the sweeper: the day-before booking reminder (for women who
 * chose `notice: 'reminder'`) and the "places are open" reminder at the release
 * time. Each is claimed by one conditional update before it is sent, so
 * overlapping sweeps never send one twice.
 */
import type { ScreeningDeps } from './screening.deps'
import { COLLECTIONS } from '../common/collections'
import { maskName } from '../common/mask'
import { createBookingRepository } from './booking.repository'
import { createCatalogRepository, getAll } from './catalog.repository'
import { rosterOrNull } from './catalog.service'
import type { NoticeService } from './notice.service'
import type { BookingDoc } from './screening.docs'
import { noticePage } from '../../types/routes'

const DAY = 24 * 3600_000

interface ReminderDoc {
  _id: string
  programmeId: string
  openid: string
  at: number
  sentAt?: number
}

export interface ReminderDeps extends ScreeningDeps {
  notices: NoticeService
}

export function createReminderService({ db, clock, notices }: ReminderDeps) {
  const catalog = createCatalogRepository(db)
  const ledger = createBookingRepository(db)

  async function bookingReminders(now: number): Promise<number> {
    let sent = 0
    const due = await getAll<BookingDoc>(db, COLLECTIONS.screeningBookings, { status: 'booked', notice: db.command.in(['reminder', 'both']), reminderSentAt: null })
    for (const b of due) {
      const s = await catalog.session(b.sessionId)
      if (!s || s.startAt - now > DAY || s.startAt <= now) continue
      if (!(await ledger.updateIf(b._id, { reminderSentAt: null, sessionId: s._id }, { reminderSentAt: now }))) continue
      const [p, site] = await Promise.all([catalog.programme(b.programmeId), catalog.site(b.siteId)])
      await notices.send({
        openid: b.openid, toName: maskName(b.member.name), kind: 'booking_reminder', page: noticePage('screeningBooking', { id: b.programmeId }),
        fields: [
          { label: '项目名称', value: p?.name ?? '两癌筛查' },
          { label: '预约时间', value: `${s.date} ${s.start}–${s.end}` },
          { label: '就诊地点', value: site ? `${site.name}（${site.address}）` : '' },
        ],
      })
      sent++
    }
    return sent
  }

  async function releaseReminders(now: number): Promise<number> {
    let sent = 0
    const wanted = await getAll<ReminderDoc>(db, COLLECTIONS.screeningReminders, { sentAt: db.command.exists(false) })
    for (const r of wanted) {
      const p = await catalog.programme(r.programmeId)
      if (!p || p.releaseAt > now) continue
      const claimed = await db.collection(COLLECTIONS.screeningReminders).where({ _id: r._id, sentAt: db.command.exists(false) }).update({ sentAt: now })
      if (claimed.updated !== 1) continue
      await notices.send({
        openid: r.openid, toName: maskName((await rosterOrNull(db, r.openid))?.name ?? ''), kind: 'release_reminder', page: noticePage('screeningProgramme', { id: p._id }),
        fields: [{ label: '项目名称', value: p.name }, { label: '温馨提示', value: '预约已开放，名额有限，请尽快预约' }],
      })
      sent++
    }
    return sent
  }

  return {
    async send(): Promise<number> {
      const now = clock()
      return (await bookingReminders(now)) + (await releaseReminders(now))
    },
  }
}
