/** The stamp rally: a member scans a booth's printed code and gets one stamp per booth. */
import type { StampCardDTO, StampCardRequest, StampRequest, StampResultDTO } from '~types/events'
import type { Clock } from '../common/clock'
import { fail } from '../common/errors'
import { maskName } from '../common/mask'
import type { TokenService } from '../common/qr-token.service'
import { type ActivityRepository, type CardRec, scanFacts, type ScanLog, type StampRec } from './activity.repository'
import type { BoothRec, CatalogRepository, EventRec } from './catalog.repository'
import { redemptionId, type RedemptionRec } from './claims.repository'
import { loadEvent, requireSignedUp } from './event-reads'
import { cardDTO } from './events.dto'
import { phaseOf } from './events.rules'

interface StampDeps {
  clock: Clock
  tokens: TokenService
  catalog: CatalogRepository
  activity: ActivityRepository
  scans: ScanLog
}

/** Her card's gift notes and booth list as the records the card is drawn from. */
function fromCard(c: CardRec, eventId: string, openid: string) {
  const gifts: RedemptionRec[] = Object.entries(c.gifts ?? {}).map(([tierId, g]) => ({
    id: redemptionId(tierId, openid),
    _id: redemptionId(tierId, openid),
    claimId: '',
    pendingAt: g.at,
    eventId,
    tierId,
    openid,
    state: 'confirmed',
    redeemedAt: g.at,
    desk: g.desk,
    staff: '',
  }))
  const stamps: StampRec[] = Object.entries(c.booths ?? {}).map(([boothId, b]) => ({
    eventId,
    boothId,
    zoneId: b.zoneId,
    openid,
    stampedAt: b.at,
  }))
  return { gifts, stamps }
}

export function createStampService({ clock, tokens, catalog, activity, scans }: StampDeps) {
  /** `known`: her card as the stamp just updated it (its notes spare the reads of her stamps and redemptions). */
  async function cardOf(event: EventRec, openid: string, known?: CardRec): Promise<StampCardDTO> {
    const eventId = event.id
    const noted = known ? fromCard(known, eventId, openid) : null
    // Booths and tiers from the instance (a tier's units left may be seconds old on the card); hers afresh.
    const [booths, tiers, stamps, mine, card] = await Promise.all([
      catalog.cachedBooths(eventId),
      catalog.cachedTiers(eventId),
      known?.listsStamps ? noted!.stamps : activity.stampsOf(eventId, openid),
      noted ? noted.gifts : activity.redemptionsOf({ eventId, openid }),
      known ?? activity.card(eventId, openid),
    ])
    return cardDTO(event, booths, tiers, stamps, mine, card?.lastStampAt ?? null, clock())
  }

  /** The event a printed booth code belongs to; a revoked but genuine code still names its event. */
  async function eventOfCode(code: string): Promise<string> {
    const v = tokens.verifyPrinted(code, 'booth')
    if (!v.ok) fail(v.code, 'code')
    const booth = (await catalog.booth(v.claims.id)) ?? fail('TOKEN_INVALID', 'code')
    return booth.eventId
  }

  /** Takes the cooldown slot (answering her card as updated) or refuses. */
  async function slot(event: EventRec, booth: BoothRec, openid: string, now: number): Promise<CardRec> {
    const card = await activity.takeStampSlot(event.id, openid, now, event.stampRules.cooldownSeconds * 1000, booth)
    if (card) return card
    // Refused: a stamp of this booth already is the truer answer; otherwise the cooldown.
    if (await activity.stamp(event.id, booth.id, openid)) fail('ALREADY_STAMPED')
    fail('STAMP_COOLDOWN')
  }

  /** The booth a printed code names, current version, of the event asked for (if any). */
  async function boothOf(req: StampRequest, note: { boothId?: string | null; eventId?: string | null }): Promise<BoothRec> {
    const v = tokens.verifyPrinted(req.code, 'booth')
    if (!v.ok) fail(v.code, 'code')
    const booth = (await catalog.booth(v.claims.id)) ?? fail('TOKEN_INVALID', 'code')
    note.boothId = booth.id
    if (v.claims.version !== booth.codeVersion) fail(v.claims.version < booth.codeVersion ? 'TOKEN_REVOKED' : 'TOKEN_INVALID', 'code')
    if (req.eventId && booth.eventId !== req.eventId) fail('TOKEN_OTHER_EVENT', 'code')
    note.eventId = booth.eventId
    return booth
  }

  /**
   * Stamps once per booth; a duplicate gives the cooldown slot back and answers ALREADY_STAMPED (or, to the same
   * request, its first answer).
   */
  async function stampAt(event: EventRec, booth: BoothRec, openid: string, requestId: string | null): Promise<StampResultDTO> {
    const now = clock()
    const answer = async (s: { stampedAt: number }, card?: CardRec) => ({
      stamp: { boothId: booth.id, boothName: booth.name, zoneId: booth.zoneId, stampedAt: s.stampedAt },
      card: await cardOf(event, openid, card),
    })
    const card = await slot(event, booth, openid, now)
    const rec = { eventId: event.id, boothId: booth.id, zoneId: booth.zoneId, openid, stampedAt: now, requestId }
    if (await activity.insertStamp(rec)) return answer(rec, card)
    const earlier = await activity.stamp(event.id, booth.id, openid)
    await activity.returnStampSlot(event.id, openid, now, 0, earlier) // the slot was taken for a duplicate: give it back
    if (earlier && requestId && earlier.requestId === requestId) return answer(earlier) // the same request retried: its first answer
    fail('ALREADY_STAMPED')
  }

  return {
    async stampCard(openid: string, req: StampCardRequest): Promise<StampCardDTO> {
      return cardOf(await loadEvent(catalog, req.eventId ?? (await eventOfCode(req.code ?? ''))), openid)
    },

    /**
     * One stamp per booth per member, one per cooldown window. The hot path (issue 7 §6): her roster
     * record (read by the router), the cooldown slot (one conditional update that also lists the booth
     * on her card, so her card needs no read of her stamps), the stamp (a deterministic id: a duplicate
     * insert fails), and the scan log entry.
     */
    stamp(who: { openid: string; name: string }, req: StampRequest, requestId: string | null): Promise<StampResultDTO> {
      const base = scanFacts('stamp', { eventId: req.eventId ?? null, openid: who.openid, member: maskName(who.name) })
      return scans.record(base, async (note) => {
        const booth = await boothOf(req, note)
        const event = await loadEvent(catalog, booth.eventId)
        if (phaseOf(event, clock()) !== 'ongoing') fail('EVENT_NOT_OPEN')
        await requireSignedUp(activity, event, who.openid)
        return stampAt(event, booth, who.openid, requestId)
      })
    },
  }
}
