/**
 * Gift desk. Stock is decided by one conditional update on the tier; the ledger
 * `${tierId}:${openid}` is written pending first, so five desks scanning one
 * member's code produce exactly one gift, and a crash never loses a unit silently
 * (the tier lists the claim as holder until it is confirmed; see sweepPending).
 * The redemption carries the desk's request id: a retry of a call that died
 * answers from it (`redeemedBy`).
 */
import { randomBytes } from 'node:crypto'
import type {
  CodeStatusDTO,
  GiftCodeDTO,
  GiftCodeRequest,
  GiftPreviewDTO,
  GiftScanRequest,
  RedeemGiftRequest,
  RedemptionDTO,
} from '~types/events'
import type { Clock } from '../common/clock'
import { AppError, fail } from '../common/errors'
import { maskName } from '../common/mask'
import type { TokenService } from '../common/qr-token.service'
import type { RosterLookup } from '../common/roster-lookup'
import { beijingClock } from '../common/time'
import { type ActivityRepository, scanFacts, type ScanFacts, type ScanLog } from './activity.repository'
import type { CatalogRepository, TierRec } from './catalog.repository'
import { type GiftLedger, redemptionId, type RedemptionDoc, type RedemptionRec } from './claims.repository'
import { loadEvent } from './event-reads'
import { tierDTO } from './events.dto'
import { joinSubject, missingForTier, splitSubject, zoneCounts } from './events.rules'

interface GiftDeps {
  clock: Clock
  tokens: TokenService
  catalog: CatalogRepository
  activity: ActivityRepository
  roster: RosterLookup
  scans: ScanLog
  gifts: GiftLedger
}

const newClaimId = () => randomBytes(9).toString('base64url')
/** `16:21 · 1号兑换台`: Beijing time and the desk, in the words the desk reads out. */
const where = (at: number, desk: string) => `${beijingClock(at)} · ${desk}`

/** The desk's answer for a confirmed redemption: granted to this request, or already handed out before. */
function redemptionDTO(
  r: RedemptionRec | RedemptionDoc,
  tier: TierRec,
  memberName: string,
  outcome: RedemptionDTO['outcome'],
): RedemptionDTO {
  const at = r.redeemedAt ?? 0
  const message = outcome === 'granted' ? `兑换成功 ${where(at, r.desk)}` : `已兑换 ${where(at, r.desk)}（请勿重复发放）`
  return { outcome, tier: tierDTO(tier), memberName, redeemedAt: at, desk: r.desk, message }
}

export function createGiftService({ clock, tokens, catalog, activity, roster, scans, gifts }: GiftDeps) {
  const nameOf = async (openid: string) => {
    const r = await roster.one(openid)
    return r ? maskName(r.name) : null
  }

  async function qualified(tier: TierRec, openid: string): Promise<boolean> {
    const event = await loadEvent(catalog, tier.eventId)
    const stamps = await activity.stampsOf(tier.eventId, openid)
    return (
      missingForTier(
        tier.rule,
        zoneCounts(
          event.zones,
          stamps.map((s) => s.zoneId),
        ),
      ) === ''
    )
  }

  async function tierOf(eventId: string, tierId: string): Promise<TierRec> {
    const tier = await catalog.tier(tierId)
    if (!tier || tier.eventId !== eventId) fail('NOT_FOUND', 'tierId')
    return tier
  }

  /** The code: which tier, which member, this event (the router has checked she is staff of it). */
  async function readGiftCode(req: GiftScanRequest, note: Partial<ScanFacts>) {
    const v = tokens.verifyRotating(req.token, 'gift')
    if (!v.ok) fail(v.code, 'token')
    const subject = splitSubject(v.claims.subject) ?? fail('TOKEN_INVALID', 'token')
    const tier = (await catalog.tier(subject.scopeId)) ?? fail('TOKEN_INVALID', 'token')
    note.tierId = tier.id
    note.openid = subject.openid
    if (tier.eventId !== req.eventId) fail('TOKEN_OTHER_EVENT', 'token')
    const name = (await nameOf(subject.openid)) ?? fail('NOT_VERIFIED')
    note.member = name
    return { tier, openid: subject.openid, name }
  }

  /**
   * One gift per member per tier, on the kit's ledger: the claim is written pending, its unit taken,
   * then confirmed. Five desks scanning one code give one gift (the others see it redeemed); a desk
   * that died mid-way is finished or given back by the next scan of her code. Sold out only because
   * of desks that died long ago: their stale claims are given back and the unit taken once more.
   */
  async function grant(doc: RedemptionDoc, soldOut: boolean) {
    const granted = () => ({ state: 'confirmed' as const, redeemedAt: clock() })
    try {
      if (soldOut) fail('OUT_OF_STOCK') // sold out when read a moment ago: no claim to write and remove
      return await gifts.ledger.claim(doc, granted)
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'OUT_OF_STOCK')) throw e
      if ((await gifts.ledger.sweepStale({ tierId: doc.tierId }, clock())) === 0) throw e
      return gifts.ledger.claim({ ...doc, claimId: newClaimId() }, granted)
    }
  }

  async function redeem(staff: string, req: RedeemGiftRequest, requestId: string | null, note: Partial<ScanFacts>): Promise<RedemptionDTO> {
    const { tier, openid, name } = await readGiftCode(req, note)
    const existing = await activity.redemption(tier.id, openid)
    if (existing?.state !== 'confirmed' && !(await qualified(tier, openid))) fail('NOT_QUALIFIED')
    const doc: RedemptionDoc = {
      _id: redemptionId(tier.id, openid),
      claimId: newClaimId(),
      pendingAt: clock(),
      requestId,
      eventId: tier.eventId,
      tierId: tier.id,
      openid,
      state: 'pending',
      redeemedAt: null,
      desk: req.desk,
      staff,
    }
    const r = await grant(doc, tier.left <= 0 && existing === null)
    catalog.forgetTiers(tier.eventId)
    const after = (await catalog.tier(tier.id)) ?? tier
    const at = r.doc.redeemedAt ?? clock()
    // her stamp card shows it without a read
    if (r.outcome === 'confirmed') await activity.noteGift(tier.eventId, openid, tier.id, at, r.doc.desk)
    return redemptionDTO({ ...r.doc, redeemedAt: at }, after, name, r.outcome === 'exists' ? 'already-redeemed' : 'granted')
  }

  return {
    /** Her gift code page polls this (one read): 已领取 as soon as a desk confirms. */
    async giftStatus(openid: string, eventId: string, tierId: string): Promise<CodeStatusDTO> {
      const tier = await tierOf(eventId, tierId)
      const r = await activity.redemption(tierId, openid)
      if (r?.state !== 'confirmed') return { done: false, title: null, detail: null, at: null }
      return { done: true, title: '已领取', detail: `${tier.gift} · ${where(r.redeemedAt ?? 0, r.desk)}`, at: r.redeemedAt }
    },

    async giftCode(openid: string, req: GiftCodeRequest): Promise<GiftCodeDTO> {
      const tier = await tierOf(req.eventId, req.tierId)
      if ((await activity.redemption(tier.id, openid))?.state === 'confirmed') fail('ALREADY_REDEEMED')
      if (!(await qualified(tier, openid))) fail('NOT_QUALIFIED')
      if (tier.left <= 0) fail('OUT_OF_STOCK')
      const { token, expiresAt } = tokens.issueRotating('gift', joinSubject(tier.id, openid))
      return { token, expiresAt, tier: tierDTO(tier) }
    },

    previewGift(staff: string, req: GiftScanRequest): Promise<GiftPreviewDTO> {
      return scans.record(
        scanFacts('gift-preview', { eventId: req.eventId, staff }),
        async (note) => {
          const { tier, openid, name } = await readGiftCode(req, note)
          const r = await activity.redemption(tier.id, openid)
          if (r?.state === 'confirmed') {
            return {
              status: 'redeemed',
              tier: tierDTO(tier),
              memberName: name,
              redeemedAt: r.redeemedAt,
              desk: r.desk,
              message: `已兑换 ${where(r.redeemedAt ?? 0, r.desk)}`,
            }
          }
          if (!(await qualified(tier, openid))) fail('NOT_QUALIFIED')
          if (tier.left <= 0) fail('OUT_OF_STOCK')
          return { status: 'ready', tier: tierDTO(tier), memberName: name, redeemedAt: null, desk: null, message: `可兑换：${tier.gift}` }
        },
        (r) => (r.status === 'redeemed' ? 'ALREADY' : null),
      )
    },

    redeemGift(staff: string, req: RedeemGiftRequest, requestId: string | null): Promise<RedemptionDTO> {
      const base = scanFacts('gift-redeem', { eventId: req.eventId, staff, desk: req.desk })
      return scans.record(
        base,
        (note) => redeem(staff, req, requestId, note),
        (r) => (r.outcome === 'already-redeemed' ? 'ALREADY' : null),
      )
    },

    /**
     * What a desk's request that died answered, rebuilt from the redemption it confirmed (it carries
     * the request id), with the unit settled and her card noted; undefined when it confirmed none, so
     * the scan runs again (its claim, if left pending, is finished by the same request at once:
     * claim-ledger.ts).
     */
    async redeemedBy(staff: string, requestId: string): Promise<RedemptionDTO | undefined> {
      const r = await activity.redemptionOfRequest(requestId, staff)
      if (r?.state !== 'confirmed') return undefined
      // The steps after the confirmation, which the dead call may not have reached (both idempotent).
      await Promise.all([
        gifts.stock.settle(r.tierId, r.claimId),
        activity.noteGift(r.eventId, r.openid, r.tierId, r.redeemedAt ?? 0, r.desk),
      ])
      const [tier, name] = await Promise.all([catalog.tier(r.tierId), nameOf(r.openid)])
      return tier ? redemptionDTO(r, tier, name ?? '', 'granted') : undefined
    },
  }
}
