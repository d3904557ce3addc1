/** The stamp rally: a member scans a booth's printed code and gets one stamp per booth. */
import type { StampCardDTO, StampCardRequest, StampRequest, StampResultDTO } from '../../types/events'
import { requireVerifiedMember } from '../common/auth'
import { cached } from '../common/instance-cache'
import { createRosterLookup } from '../common/roster-lookup'
import { fail } from '../common/errors'
import { maskName } from '../common/mask'
import {
  getCard, getSignUp, getStamp, insertStamp, redemptionId, redemptionsOf, returnStampSlot, stampId, stampsOf, takeStampSlot,
  type CardRec, type RedemptionRec, type StampRec,
} from './activity.repository'
import { boothsOf, getBooth, getEvent, tiersOf, type EventRec } from './catalog.repository'
import { type EventsDeps, withDeps } from './events.deps'
import { cardDTO } from './events.dto'
import { phaseOf } from './events.rules'
import { recordScan } from './scan-log'

export async function loadEvent(deps: EventsDeps, eventId: string): Promise<EventRec> {
  return (await getEvent(deps.db, eventId)) ?? fail('NOT_FOUND', 'eventId')
}

export async function requireSignedUp(deps: EventsDeps, event: EventRec, openid: string): Promise<void> {
  if (!event.signUp.required) return
  const s = await getSignUp(deps.db, event.id, openid)
  if (s?.state !== 'confirmed') fail('NOT_SIGNED_UP')
}

export async function stampCard(deps: EventsDeps, openid: string, req: StampCardRequest): Promise<StampCardDTO> {
  await requireVerifiedMember(deps.db, openid)
  return cardOf(deps, await loadEvent(deps, req.eventId ?? (await eventOfCode(deps, req.code ?? ''))), openid)
}

/** The event a printed booth code belongs to; a revoked but genuine code still names its event. */
async function eventOfCode(deps: EventsDeps, code: string): Promise<string> {
  const v = deps.tokens.verifyPrinted(code, 'booth')
  if (!v.ok) fail(v.code, 'code')
  const booth = (await getBooth(deps.db, v.claims.id)) ?? fail('TOKEN_INVALID', 'code')
  return booth.eventId
}

/** `known`: her card as the stamp just updated it (its gift notes spare the read of her redemptions). */
async function cardOf(deps: EventsDeps, event: EventRec, openid: string, known?: CardRec): Promise<StampCardDTO> {
  const eventId = event.id
  const gifts = (c: CardRec): RedemptionRec[] => Object.entries(c.gifts ?? {}).map(([tierId, g]) => ({
    id: redemptionId(tierId, openid), _id: redemptionId(tierId, openid), claimId: '', pendingAt: g.at, eventId, tierId, openid, state: 'confirmed', redeemedAt: g.at, desk: g.desk, staff: '',
  }))
  const listed = (c: CardRec): StampRec[] => Object.entries(c.booths ?? {}).map(([boothId, b]) => ({ eventId, boothId, zoneId: b.zoneId, openid, stampedAt: b.at }))
  // Booths and tiers from the instance (a tier's units left may be seconds old on the card); hers afresh.
  const [booths, tiers, stamps, mine, card] = await Promise.all([
    cached(deps.db, `ebs:${eventId}`, () => boothsOf(deps.db, eventId)), cached(deps.db, `ets:${eventId}`, () => tiersOf(deps.db, eventId)),
    known?.listsStamps ? listed(known) : stampsOf(deps.db, eventId, openid), known ? gifts(known) : redemptionsOf(deps.db, { eventId, openid }),
    known ?? getCard(deps.db, eventId, openid),
  ])
  return cardDTO(event, booths, tiers, stamps, mine, card?.lastStampAt ?? null, deps.clock())
}

/**
 * One stamp per booth per member, one per cooldown window. The hot path (issue 7 §6), 4 calls: her
 * roster record, the cooldown slot (one conditional update that also lists the booth on her card,
 * so her card needs no read of her stamps), the stamp (a deterministic id: a duplicate insert
 * fails), and the scan log entry.
 */
export function stamp(deps: EventsDeps, openid: string, req: StampRequest, requestId: string | null = null): Promise<StampResultDTO> {
  return recordScan(deps, 'stamp', { eventId: req.eventId ?? null, openid }, async (note) => {
    const v = deps.tokens.verifyPrinted(req.code, 'booth')
    const [roster, booth] = await Promise.all([createRosterLookup({ db: deps.db }).one(openid), v.ok ? getBooth(deps.db, v.claims.id) : null])
    if (!roster) fail('NOT_VERIFIED')
    note.member = maskName(roster.name)
    if (!v.ok) fail(v.code, 'code')
    if (!booth) fail('TOKEN_INVALID', 'code')
    note.boothId = booth.id
    if (v.claims.version !== booth.codeVersion) fail(v.claims.version < booth.codeVersion ? 'TOKEN_REVOKED' : 'TOKEN_INVALID', 'code')
    if (req.eventId && booth.eventId !== req.eventId) fail('TOKEN_OTHER_EVENT', 'code')
    note.eventId = booth.eventId
    const event = await loadEvent(deps, booth.eventId)
    const now = deps.clock()
    if (phaseOf(event, now) !== 'ongoing') fail('EVENT_NOT_OPEN')
    await requireSignedUp(deps, event, openid)
    const answer = async (s: { stampedAt: number }, card?: CardRec) =>
      ({ stamp: { boothId: booth.id, boothName: booth.name, zoneId: booth.zoneId, stampedAt: s.stampedAt }, card: await cardOf(deps, event, openid, card) })
    const card = await slot(deps, event, booth, openid, now)
    const rec = { eventId: event.id, boothId: booth.id, zoneId: booth.zoneId, openid, stampedAt: now, requestId }
    if (await insertStamp(deps.db, rec)) return answer(rec, card)
    const first = await getStamp(deps.db, stampId(event.id, booth.id, openid))
    await returnStampSlot(deps.db, event.id, openid, now, 0, first) // the slot was taken for a duplicate: give it back
    if (first && requestId && first.requestId === requestId) return answer(first) // the same request retried: its first answer
    fail('ALREADY_STAMPED')
  })
}

/** Takes the cooldown slot (answering her card as updated) or refuses. */
async function slot(deps: EventsDeps, event: EventRec, booth: { id: string; zoneId: string }, openid: string, now: number): Promise<CardRec> {
  const cooldownMs = event.stampRules.cooldownSeconds * 1000
  const card = await takeStampSlot(deps.db, event.id, openid, now, cooldownMs, booth)
  if (card) return card
  // Refused: a stamp of this booth already is the truer answer; otherwise the cooldown.
  if (await getStamp(deps.db, stampId(event.id, booth.id, openid))) fail('ALREADY_STAMPED')
  fail('STAMP_COOLDOWN')
}

/** The stamp rally. */
export function createStampService(deps: EventsDeps) {
  return withDeps(deps, { stampCard, stamp })
}
