/**
 * The waiting list. A freed place is handed straight to the first woman in
 * line (priority women first, then first come) with ONE conditional transfer
 * of the session's holder, so it is never free for a moment in between; she
 * holds it for `offerHoldMinutes`, then the sweeper passes it on.
 * Every entry refers to its held place BEFORE the place is moved to it.
 */
import type { Clock } from '../common/clock'
import { fail } from '../common/errors'
import { maskName } from '../common/mask'
import type { RosterDoc } from '../common/member-docs'
import type { PlaceStore } from '../common/place-store'
import { noticePage } from '~types/routes'
import type { WaitlistDTO } from '~types/screening'
import { ledgerId, type BookingRepository } from './booking.repository'
import { newId } from './booking.service'
import type { CatalogRepository } from './catalog.repository'
import { eligibilityOf } from './eligibility.rules'
import { factsOf } from './member-facts'
import type { NoticeService } from './notice.service'
import type { WaitlistDoc } from './screening.docs'
import { sessionDTO, siteDTO } from './screening.dto'
import type { WaitlistRepository } from './waitlist.repository'

const PRIORITY_OFFSET = 1e13 // ranks: priority women sort before everyone who joined at any time

export interface WaitlistDeps {
  clock: Clock
  entries: WaitlistRepository
  catalog: CatalogRepository
  bookings: BookingRepository
  /** The sessions' places, handed from one holder to the next. */
  sessions: PlaceStore
  notices: NoticeService
}

export function createWaitlistService({ clock, entries: repo, catalog, bookings: ledger, sessions, notices }: WaitlistDeps) {
  async function dto(w: WaitlistDoc): Promise<WaitlistDTO> {
    let offer: WaitlistDTO['offer'] = null
    if (w.status === 'offered' && w.offer) {
      const [s, site] = await Promise.all([catalog.session(w.offer.sessionId), catalog.site(w.offer.siteId)])
      if (s && site) offer = { session: sessionDTO(s), site: siteDTO(site), expiresAt: w.offer.expiresAt }
    }
    const position = w.status === 'waiting' ? await repo.position(w) : null
    return { programmeId: w.programmeId, status: w.status, position, siteId: w.siteId, priority: w.priority, joinedAt: w.joinedAt, offer }
  }

  /** Gives the place held under `fromKey` to the next woman in line, or frees it when nobody waits. */
  async function handoff(sessionId: string, fromKey: string): Promise<void> {
    const s = await catalog.session(sessionId)
    const p = s && (await catalog.programme(s.programmeId))
    const now = clock()
    if (s && p && now < s.startAt && now < p.bookingClosesAt) {
      for (const w of await repo.nextWaiting(p._id, s.siteId)) {
        const offer = { sessionId, siteId: s.siteId, placeId: newId(), expiresAt: now + p.offerHoldMinutes * 60_000 }
        if (!(await repo.offer(w._id, offer, now))) continue
        if (await sessions.transfer(sessionId, fromKey, offer.placeId, { w: w._id })) {
          await notices.send({
            openid: w.openid,
            toName: w.toName,
            kind: 'waitlist_offer',
            page: noticePage('screeningProgramme', { id: p._id }),
            fields: [
              { label: '项目名称', value: p.name },
              { label: '候补场次', value: [s.startAt, s.endAt] as const },
              { label: '保留至', value: offer.expiresAt },
              { label: '温馨提示', value: '请在保留时间内确认，逾期将顺延给下一位' },
            ],
          })
          return
        }
        await repo.updateIf(w._id, { status: 'offered', 'offer.placeId': offer.placeId }, { status: 'waiting', offer: null })
        return // the place was no longer held under fromKey: someone else already freed it
      }
    }
    await sessions.release(sessionId, fromKey)
  }

  return {
    dto,
    handoff,
    get: (programmeId: string, openid: string) => repo.get(ledgerId(programmeId, openid)),

    async join(openid: string, roster: RosterDoc, programmeId: string, siteId: string | null): Promise<WaitlistDTO> {
      const p = await catalog.programme(programmeId)
      if (!p) fail('NOT_FOUND', 'programmeId')
      if (siteId && !p.siteIds.includes(siteId)) fail('NOT_FOUND', 'siteId')
      const now = clock()
      if (now < p.releaseAt) fail('NOT_RELEASED')
      if (now >= p.bookingClosesAt) fail('BOOKING_CLOSED')
      const history = await ledger.byOpenid(openid)
      const elig = eligibilityOf(p.eligibility, p.priority, factsOf(roster, history, p._id), p.firstDay, now)
      if (!elig.eligible) fail('NOT_ELIGIBLE', undefined, `${elig.reason}，无法候补`)
      const id = ledgerId(programmeId, openid)
      if (history.some((b) => b._id === id && ['pending', 'booked'].includes(b.status))) fail('ALREADY_BOOKED')
      const doc: WaitlistDoc = {
        _id: id,
        programmeId,
        openid,
        siteId,
        priority: elig.priority,
        rank: (elig.priority ? 0 : PRIORITY_OFFSET) + now,
        status: 'waiting',
        toName: maskName(roster.name),
        joinedAt: now,
        offer: null,
        updatedAt: now,
      }
      await catalog.openWaitlist(programmeId) // before her entry exists (screening.docs.ts)
      if (!(await repo.insert(doc))) {
        const old = (await repo.get(id))!
        if (old.status === 'waiting' || old.status === 'offered') return dto(old)
        const { _id, ...fresh } = doc
        if (!(await repo.updateIf(id, { status: old.status, updatedAt: old.updatedAt }, fresh))) fail('CONFLICT')
      }
      return dto(doc)
    },

    /** Leaves the line (or turns an offer down): a held place goes to the next woman. */
    async leave(openid: string, programmeId: string, status: 'left' | 'declined', requestId: string | null = null): Promise<WaitlistDTO> {
      const w = await repo.get(ledgerId(programmeId, openid))
      if (!w || (status === 'declined' && w.status !== 'offered')) fail('NOT_FOUND', 'programmeId')
      if (w.status !== 'waiting' && w.status !== 'offered') return dto(w)
      const left = { status: 'left' as const, offer: null, leftBy: requestId, updatedAt: clock() }
      if (!(await repo.updateIf(w._id, { status: w.status, updatedAt: w.updatedAt }, left))) fail('CONFLICT')
      if (w.offer) await handoff(w.offer.sessionId, w.offer.placeId)
      return dto({ ...w, ...left })
    },

    /** Her entry as the request `requestId` left it, for its same-id retry (`recover`); null if that request did not. */
    async leftBy(openid: string, programmeId: string, requestId: string | null): Promise<WaitlistDTO | null> {
      const w = requestId ? await repo.get(ledgerId(programmeId, openid)) : null
      return w?.status === 'left' && w.leftBy === requestId ? dto(w) : null
    },

    async leaveIfWaiting(openid: string, programmeId: string): Promise<void> {
      const w = await repo.get(ledgerId(programmeId, openid))
      if (w && (w.status === 'waiting' || w.status === 'offered')) await this.leave(openid, programmeId, 'left').catch(() => undefined)
    },

    async markClaimed(w: WaitlistDoc): Promise<void> {
      await repo.updateIf(w._id, { 'offer.placeId': w.offer!.placeId }, { status: 'claimed', updatedAt: clock() })
    },

    /** Offers past their hold time pass on to the next woman. */
    async expireOffers(): Promise<number> {
      let passed = 0
      for (const w of await repo.expiredOffers(clock())) {
        const held = { status: 'offered', 'offer.placeId': w.offer!.placeId }
        if (!(await repo.updateIf(w._id, held, { status: 'expired', updatedAt: clock() }))) continue
        await handoff(w.offer!.sessionId, w.offer!.placeId)
        passed++
      }
      return passed
    },
  }
}

export type WaitlistService = ReturnType<typeof createWaitlistService>
