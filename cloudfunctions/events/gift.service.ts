/**
 * Gift desk. Stock is decided by one conditional update on the tier; the ledger
 * `${tierId}:${openid}` is written pending first, so five desks scanning one
 * member's code produce exactly one gift, and a crash never loses a unit silently
 * (the tier lists the claim as holder until it is confirmed; see sweepPending).
 */
import type { GiftCodeDTO, GiftCodeRequest, GiftPreviewDTO, GiftScanRequest, RedeemGiftRequest, RedemptionDTO } from '../../types/events'
import { requireStaff, requireVerifiedMember } from '../common/auth'
import { COLLECTIONS } from '../common/collections'
import { fail } from '../common/errors'
import {
  confirmRedemption, dropPending, getRedemption, insertOnce, isHolder, redemptionId, releaseHolder, retakePending, stampsOf, takeUnit,
  type RedemptionRec,
} from './activity.repository'
import { getTier, type TierRec } from './catalog.repository'
import type { EventsDeps } from './events.deps'
import { tierDTO } from './events.dto'
import { isStale, joinSubject, missingForTier, splitSubject, zoneCounts } from './events.rules'
import { memberName } from './member.lookup'
import { recordScan, type ScanNote } from './scan-log'
import { reclaimStaleOfTier } from './sweep.service'
import { loadEvent } from './stamp.service'

async function qualified(deps: EventsDeps, tier: TierRec, openid: string): Promise<boolean> {
  const event = await loadEvent(deps, tier.eventId)
  const stamps = await stampsOf(deps.db, tier.eventId, openid)
  return missingForTier(tier.rule, zoneCounts(event.zones, stamps.map((s) => s.zoneId))) === ''
}

export async function giftCode(deps: EventsDeps, openid: string, req: GiftCodeRequest): Promise<GiftCodeDTO> {
  await requireVerifiedMember(deps.db, openid)
  const tier = await getTier(deps.db, req.tierId)
  if (!tier || tier.eventId !== req.eventId) fail('NOT_FOUND', 'tierId')
  if ((await getRedemption(deps.db, redemptionId(tier.id, openid)))?.state === 'confirmed') fail('ALREADY_REDEEMED')
  if (!(await qualified(deps, tier, openid))) fail('NOT_QUALIFIED')
  if (tier.left <= 0) fail('OUT_OF_STOCK')
  const { token, expiresAt } = deps.tokens.issueRotating('gift', joinSubject(tier.id, openid))
  return { token, expiresAt, tier: tierDTO(tier) }
}

/** Staff scope, then the code: which tier, which member, this event. */
async function readGiftCode(deps: EventsDeps, staff: string, req: GiftScanRequest, note: ScanNote) {
  await requireStaff(deps.db, staff, 'event', req.eventId)
  const v = deps.tokens.verifyRotating(req.token, 'gift')
  if (!v.ok) fail(v.code, 'token')
  const subject = splitSubject(v.claims.subject) ?? fail('TOKEN_INVALID', 'token')
  const tier = (await getTier(deps.db, subject.scopeId)) ?? fail('TOKEN_INVALID', 'token')
  note.tierId = tier.id
  note.openid = subject.openid
  if (tier.eventId !== req.eventId) fail('TOKEN_OTHER_EVENT', 'token')
  const name = (await memberName(deps.db, subject.openid)) ?? fail('NOT_VERIFIED')
  note.member = name
  return { tier, openid: subject.openid, name }
}

export function previewGift(deps: EventsDeps, staff: string, req: GiftScanRequest): Promise<GiftPreviewDTO> {
  return recordScan(deps, 'gift-preview', { eventId: req.eventId, staff }, async (note) => {
    const { tier, openid, name } = await readGiftCode(deps, staff, req, note)
    const r = await getRedemption(deps.db, redemptionId(tier.id, openid))
    if (r?.state === 'confirmed') return { status: 'redeemed', tier: tierDTO(tier), memberName: name, redeemedAt: r.redeemedAt, desk: r.desk }
    if (!(await qualified(deps, tier, openid))) fail('NOT_QUALIFIED')
    if (tier.left <= 0) fail('OUT_OF_STOCK')
    return { status: 'ready', tier: tierDTO(tier), memberName: name, redeemedAt: null, desk: null }
  }, (r) => (r.status === 'redeemed' ? 'ALREADY' : null))
}

const WAIT_MS = 3_000
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Gets the pending claim for this call, or the confirmed redemption another desk made. */
async function claim(deps: EventsDeps, id: string, base: Omit<RedemptionRec, 'id' | 'state' | 'pendingAt' | 'redeemedAt'>, staff: string) {
  const deadline = Date.now() + WAIT_MS
  for (;;) {
    const now = deps.clock()
    if (await insertOnce(deps.db, COLLECTIONS.eventRedemptions, id, { ...base, state: 'pending', pendingAt: now, redeemedAt: null })) {
      return { pendingAt: now, done: null, holds: false }
    }
    const r = await getRedemption(deps.db, id)
    if (r?.state === 'confirmed') return { pendingAt: 0, done: r, holds: false }
    if (r && isStale(r.pendingAt, now) && (await retakePending(deps.db, r, now, base.desk, staff))) {
      // The dead claim may already hold a unit: it is ours now, do not take a second.
      return { pendingAt: now, done: null, holds: await isHolder(deps.db, COLLECTIONS.eventTiers, base.tierId, id) }
    }
    if (Date.now() > deadline) fail('REDEEM_IN_PROGRESS')
    await sleep(50 + Math.random() * 100)
  }
}

export function redeemGift(deps: EventsDeps, staff: string, req: RedeemGiftRequest): Promise<RedemptionDTO> {
  return recordScan(deps, 'gift-redeem', { eventId: req.eventId, staff, desk: req.desk }, async (note) => {
    const { tier, openid, name } = await readGiftCode(deps, staff, req, note)
    const id = redemptionId(tier.id, openid)
    const existing = await getRedemption(deps.db, id)
    if (existing?.state !== 'confirmed' && !(await qualified(deps, tier, openid))) fail('NOT_QUALIFIED')
    const base = { eventId: tier.eventId, tierId: tier.id, openid, desk: req.desk, staff }
    const c = await claim(deps, id, base, staff)
    if (c.done) {
      return { outcome: 'already-redeemed', tier: tierDTO((await getTier(deps.db, tier.id)) ?? tier), memberName: name, redeemedAt: c.done.redeemedAt ?? 0, desk: c.done.desk }
    }
    const take = () => takeUnit(deps.db, COLLECTIONS.eventTiers, tier.id, 'left', id)
    // Sold out: first win back units held by desks whose call died, then try once more.
    const holds = c.holds || (await take()) || ((await reclaimStaleOfTier(deps.db, tier.id, deps.clock())) > 0 && (await take()))
    if (!holds) {
      await dropPending(deps.db, COLLECTIONS.eventRedemptions, id, c.pendingAt)
      fail('OUT_OF_STOCK')
    }
    const now = deps.clock()
    // Only if our call outlived the stale limit can a sweeper have dropped the claim; then its unit goes back: no gift.
    if (!(await confirmRedemption(deps.db, id, c.pendingAt, now))) fail('CONFLICT')
    await releaseHolder(deps.db, COLLECTIONS.eventTiers, tier.id, id)
    const after = (await getTier(deps.db, tier.id)) ?? tier
    return { outcome: 'granted', tier: tierDTO(after), memberName: name, redeemedAt: now, desk: req.desk }
  }, (r) => (r.outcome === 'already-redeemed' ? 'ALREADY' : null))
}
