/** The stamp rally: a member scans a booth's printed code and gets one stamp per booth. */
import type { StampCardDTO, StampCardRequest, StampRequest, StampResultDTO } from '../../types/events'
import { requireVerifiedMember } from '../common/auth'
import { fail } from '../common/errors'
import { maskName } from '../common/mask'
import {
  getCard, getSignUp, getStamp, insertStamp, redemptionsOf, returnStampSlot, stampId, stampsOf, takeStampSlot,
} from './activity.repository'
import { boothsOf, getBooth, getEvent, tiersOf, type EventRec } from './catalog.repository'
import type { EventsDeps } from './events.deps'
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

async function cardOf(deps: EventsDeps, event: EventRec, openid: string): Promise<StampCardDTO> {
  const eventId = event.id
  const [booths, tiers, stamps, mine, card] = await Promise.all([
    boothsOf(deps.db, eventId), tiersOf(deps.db, eventId), stampsOf(deps.db, eventId, openid),
    redemptionsOf(deps.db, { eventId, openid }), getCard(deps.db, eventId, openid),
  ])
  return cardDTO(event, booths, tiers, stamps, mine, card?.lastStampAt ?? null, deps.clock())
}

export function stamp(deps: EventsDeps, openid: string, req: StampRequest): Promise<StampResultDTO> {
  return recordScan(deps, 'stamp', { eventId: req.eventId ?? null, openid }, async (note) => {
    const { roster } = await requireVerifiedMember(deps.db, openid)
    note.member = maskName(roster.name)
    const v = deps.tokens.verifyPrinted(req.code, 'booth')
    if (!v.ok) fail(v.code, 'code')
    const booth = (await getBooth(deps.db, v.claims.id)) ?? fail('TOKEN_INVALID', 'code')
    note.boothId = booth.id
    if (v.claims.version !== booth.codeVersion) fail(v.claims.version < booth.codeVersion ? 'TOKEN_REVOKED' : 'TOKEN_INVALID', 'code')
    if (req.eventId && booth.eventId !== req.eventId) fail('TOKEN_OTHER_EVENT', 'code')
    note.eventId = booth.eventId
    const event = await loadEvent(deps, booth.eventId)
    const now = deps.clock()
    if (phaseOf(event, now) !== 'ongoing') fail('EVENT_NOT_OPEN')
    await requireSignedUp(deps, event, openid)
    if (await getStamp(deps.db, stampId(event.id, booth.id, openid))) fail('ALREADY_STAMPED')
    const previous = (await getCard(deps.db, event.id, openid))?.lastStampAt ?? 0
    if (!(await takeStampSlot(deps.db, event.id, openid, now, event.stampRules.cooldownSeconds * 1000))) fail('STAMP_COOLDOWN')
    const rec = { eventId: event.id, boothId: booth.id, zoneId: booth.zoneId, openid, stampedAt: now }
    if (!(await insertStamp(deps.db, rec))) {
      await returnStampSlot(deps.db, event.id, openid, now, previous)
      fail('ALREADY_STAMPED')
    }
    const card = await cardOf(deps, event, openid)
    return { stamp: { boothId: booth.id, boothName: booth.name, zoneId: booth.zoneId, stampedAt: now }, card }
  })
}
