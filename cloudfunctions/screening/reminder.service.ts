/**
 * Reminders sent by the sweeper: the day-before booking reminder (for women who
 * chose `notice: 'reminder'`) and the "places are open" reminder at the release
 * time. Each is claimed by one conditional update before it is sent, so
 * overlapping sweeps never send one twice.
 */
import type { Clock } from '../common/clock'
import { maskName } from '../common/mask'
import type { RosterLookup } from '../common/roster-lookup'
import { noticePage } from '~types/routes'
import { siteNoticeLabel } from '~types/screening'
import type { BookingRepository } from './booking.repository'
import type { CatalogRepository } from './catalog.repository'
import type { NoticeService } from './notice.service'

const DAY = 24 * 3600_000

export interface ReminderDeps {
  clock: Clock
  catalog: CatalogRepository
  bookings: BookingRepository
  roster: RosterLookup
  notices: NoticeService
}

export function createReminderService({ clock, catalog, bookings: ledger, roster, notices }: ReminderDeps) {
  async function bookingReminders(now: number): Promise<number> {
    let sent = 0
    for (const b of await ledger.remindersDue()) {
      const s = await catalog.session(b.sessionId)
      if (!s || s.startAt - now > DAY || s.startAt <= now) continue
      if (!(await ledger.updateIf(b._id, { reminderSentAt: null, sessionId: s._id }, { reminderSentAt: now }))) continue
      const [p, site] = await Promise.all([catalog.programme(b.programmeId), catalog.site(b.siteId)])
      await notices.send({
        openid: b.openid,
        toName: maskName(b.member.name),
        kind: 'booking_reminder',
        page: noticePage('screeningBooking', { id: b.programmeId }),
        fields: [
          { label: '项目名称', value: p?.name ?? '两癌筛查' },
          { label: '就诊时间', value: [s.startAt, s.endAt] as const },
          { label: '就诊地点', value: site ? siteNoticeLabel(site) : '' },
        ],
      })
      sent++
    }
    return sent
  }

  async function releaseReminders(now: number): Promise<number> {
    let sent = 0
    for (const r of await catalog.remindersUnsent()) {
      const p = await catalog.programme(r.programmeId)
      if (!p || p.releaseAt > now || !(await catalog.claimReminder(r._id, now))) continue
      await notices.send({
        openid: r.openid,
        toName: maskName((await roster.one(r.openid))?.name ?? ''),
        kind: 'release_reminder',
        page: noticePage('screeningProgramme', { id: p._id }),
        fields: [
          { label: '项目名称', value: p.name },
          { label: '开放时间', value: p.releaseAt },
          { label: '温馨提示', value: '预约已开放，名额有限，请尽快预约' },
        ],
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
