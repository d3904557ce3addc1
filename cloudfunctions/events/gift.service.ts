/**
 * Gift desk. Stock is decided by one conditional update on the tier; the ledger
 * `${tierId}:${openid}` is written pending first, so five desks scanning one
 * member's code produce exactly one gift, and a crash never loses a unit silently
 * (the tier lists the claim as holder until it is confirmed; see sweepPending).
 */
import type { CodeStatusDTO, GiftCodeDTO, GiftCodeRequest, GiftPreviewDTO, GiftScanRequest, RedeemGiftRequest, RedemptionDTO } from '../../types/events'
import { randomBytes } from 'node:crypto'
import { requireStaff, requireVerifiedMember } from '../common/auth'
import { AppError, fail } from '../common/errors'
import { forget } from '../common/instance-cache'
import { beijingClock } from '../common/time'
import { getRedemption, noteGift, stampsOf } from './activity.repository'
import { createGiftLedger, redemptionId, type RedemptionDoc } from './claims.repository'
import { getTier, type TierRec } from './catalog.repository'
import { type EventsDeps, withDeps } from './events.deps'
import { tierDTO } from './events.dto'
import { joinSubject, missingForTier, splitSubject, zoneCounts } from './events.rules'
import { memberName } from './member.lookup'
import { recordScan, type ScanNote } from './scan-log'
import { loadEvent } from './stamp.service'

const newClaimId = () => randomBytes(9).toString('base64url')
/** `16:21 · 1号兑换台`: Beijing time and the desk, in the words the desk reads out. */
const where = (at: number, desk: string) => `${beijingClock(at)} · ${desk}`

/** Her gift code page polls this (one read): 已领取 as soon as a desk confirms. */
export async function giftStatus(deps: EventsDeps, openid: string, eventId: string, tierId: string): Promise<CodeStatusDTO> {
  const tier = await getTier(deps.db, tierId)
  if (!tier || tier.eventId !== eventId) fail('NOT_FOUND', 'tierId')
  const r = await getRedemption(deps.db, redemptionId(tierId, openid))
  if (r?.state !== 'confirmed') return { done: false, title: null, detail: null, at: null }
  return { done: true, title: '已领取', detail: `${tier.gift} · ${where(r.redeemedAt ?? 0, r.desk)}`, at: r.redeemedAt }
}

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
    if (r?.state === 'confirmed') {
      return { status: 'redeemed', tier: tierDTO(tier), memberName: name, redeemedAt: r.redeemedAt, desk: r.desk, message: `已兑换 ${where(r.redeemedAt ?? 0, r.desk)}` }
    }
    if (!(await qualified(deps, tier, openid))) fail('NOT_QUALIFIED')
    if (tier.left <= 0) fail('OUT_OF_STOCK')
    return { status: 'ready', tier: tierDTO(tier), memberName: name, redeemedAt: null, desk: null, message: `可兑换：${tier.gift}` }
  }, (r) => (r.status === 'redeemed' ? 'ALREADY' : null))
}

const granted = (now: number) => ({ state: 'confirmed' as const, redeemedAt: now })

/**
 * One gift per member per tier, on the kit's ledger: the claim is written pending, its unit taken,
 * then confirmed. Five desks scanning one code give one gift (the others see it redeemed); a desk
 * that died mid-way is finished or given back by the next scan of her code. Sold out only because
 * of desks that died long ago: their stale claims are given back and the unit taken once more.
 */
async function grant(deps: EventsDeps, doc: RedemptionDoc, soldOut: boolean) {
  const { ledger } = createGiftLedger(deps.db, deps.clock)
  try {
    if (soldOut) fail('OUT_OF_STOCK') // sold out when read a moment ago: no claim to write and remove
    return await ledger.claim(doc, () => granted(deps.clock()))
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'OUT_OF_STOCK')) throw e
    if ((await ledger.sweepStale({ tierId: doc.tierId }, deps.clock())) === 0) throw e
    return ledger.claim({ ...doc, claimId: newClaimId() }, () => granted(deps.clock()))
  }
}

export function redeemGift(deps: EventsDeps, staff: string, req: RedeemGiftRequest, requestId: string | null = null): Promise<RedemptionDTO> {
  return recordScan(deps, 'gift-redeem', { eventId: req.eventId, staff, desk: req.desk }, async (note) => {
    const { tier, openid, name } = await readGiftCode(deps, staff, req, note)
    const id = redemptionId(tier.id, openid)
    const existing = await getRedemption(deps.db, id)
    if (existing?.state !== 'confirmed' && !(await qualified(deps, tier, openid))) fail('NOT_QUALIFIED')
    const doc: RedemptionDoc = {
      _id: id, claimId: newClaimId(), pendingAt: deps.clock(), requestId, eventId: tier.eventId, tierId: tier.id, openid,
      state: 'pending', redeemedAt: null, desk: req.desk, staff,
    }
    const r = await grant(deps, doc, tier.left <= 0 && existing === null)
    forget(deps.db, `ets:${tier.eventId}`) // units left changed: this instance's stamp cards read the tiers afresh
    const after = (await getTier(deps.db, tier.id)) ?? tier
    const at = r.doc.redeemedAt ?? deps.clock()
    if (r.outcome === 'confirmed') await noteGift(deps.db, tier.eventId, openid, tier.id, at, r.doc.desk) // her stamp card shows it without a read
    if (r.outcome === 'exists') {
      return { outcome: 'already-redeemed', tier: tierDTO(after), memberName: name, redeemedAt: at, desk: r.doc.desk, message: `已兑换 ${where(at, r.doc.desk)}（请勿重复发放）` }
    }
    return { outcome: 'granted', tier: tierDTO(after), memberName: name, redeemedAt: at, desk: r.doc.desk, message: `兑换成功 ${where(at, r.doc.desk)}` }
  }, (r) => (r.outcome === 'already-redeemed' ? 'ALREADY' : null))
}

/** The gift desk. */
export function createGiftService(deps: EventsDeps) {
  return withDeps(deps, { giftStatus, giftCode, previewGift, redeemGift })
}
