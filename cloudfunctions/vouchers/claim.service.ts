/**
 * Claiming a voucher. The pool's two place stores decide (one voucher, its
 * reservation in fen); the voucher is their claim-ledger entry, so a crash
 * between steps is finished or given back by her next tap or the sweeper.
 * A glance at the pool first turns away the rush once it is gone in one read
 * (it only refuses what is plainly gone; it never grants).
 */
import { randomBytes } from 'node:crypto'
import type { DrawDTO } from '~types/vouchers'
import type { Hold } from '../common/claim-ledger'
import type { Clock } from '../common/clock'
import { AppError, fail } from '../common/errors'
import type { RosterDoc } from '../common/member-docs'
import { maskName } from '../common/mask'
import { beijingDate } from '../common/time'
import { audienceReasons } from './audience.rules'
import { type CampaignRepository, poolIdOf } from './campaign.repository'
import { draw, entryRef } from './draw.rules'
import { entryIdOf, type EntryRepository } from './entry.repository'
import { maxUnionFen } from './pricing.rules'
import type { CampaignDoc, PoolDoc, VoucherDoc } from './vouchers.docs'
import { newClaimId, voucherIdOf, type VoucherRepository } from './voucher.repository'

/** What a glance at a single pool found: its counters, `open` (this instance saw it open lately), or null (not glanced). */
type Glanced = PoolDoc | 'open' | null

export interface ClaimDeps {
  clock: Clock
  campaigns: CampaignRepository
  vouchers: VoucherRepository
  entries: EntryRepository
}

export const isModelWorker = (r: Pick<RosterDoc, 'tags'>) => r.tags.includes('劳模')
export const refOf = (c: CampaignDoc, openid: string) => entryRef(c._id, openid, String(c.createdAt))

/** Who claims, from which pool, reserving how much, under which request. */
interface Claimant {
  openid: string
  roster: RosterDoc
  poolId: string
  reserveFen: number
  requestId: string | undefined
}

/** Her voucher in `slot` as the claim ledger writes it first: pending until the pool's hold is taken. */
function pendingVoucher(c: CampaignDoc, who: Claimant, slot: number, now: number): VoucherDoc {
  const { openid, roster, poolId, reserveFen } = who
  return {
    _id: voucherIdOf(c._id, openid, slot),
    claimId: newClaimId(),
    pendingAt: now,
    requestId: who.requestId ?? null,
    campaignId: c._id,
    poolId,
    openid,
    slot,
    status: 'pending',
    reserveFen,
    modelWorker: isModelWorker(roster),
    memberMasked: maskName(roster.name),
    branch: roster.branch,
    claimedAt: null,
    useStartsAt: c.useStartsAt,
    useEndsAt: c.useEndsAt,
    usedNonces: [],
    uses: 0,
    redemption: null,
    remindedAt: null,
  }
}

export function createClaimService(d: ClaimDeps) {
  async function campaign(id: string): Promise<CampaignDoc> {
    return (await d.campaigns.get(id)) ?? fail('NOT_FOUND', 'campaignId')
  }

  function checkAudience(c: CampaignDoc, roster: RosterDoc) {
    const reasons = audienceReasons(c, roster, beijingDate(d.clock()))
    if (reasons.length) fail('NOT_ELIGIBLE', undefined, `${reasons.join('；')}，无法领取`)
  }

  async function mayClaim(c: CampaignDoc, openid: string) {
    if (c.mode !== 'lottery') return
    const e = await d.entries.get(c._id, openid)
    if (!e) fail('DRAW_ONLY')
    if (e.result === 'entered') fail('DRAW_NOT_DUE')
    if (e.result === 'lost') fail('NOT_DRAWN')
  }

  /** The seeded draw over every entry: the same seed and entries always give the same winners. */
  async function drawOf(c: CampaignDoc, seed: string) {
    return draw(
      seed,
      (await d.entries.all(c._id)).map((e) => e.ref),
      Math.floor(c.totalVouchers / c.perMember),
    )
  }

  function checkWindow(c: CampaignDoc) {
    const now = d.clock()
    if (now < c.claimStartsAt || (c.mode === 'lottery' && !c.draw)) fail(c.mode === 'lottery' ? 'DRAW_ONLY' : 'CLAIM_NOT_OPEN')
    if (now >= c.claimEndsAt) fail('CLAIM_CLOSED')
  }

  /** Seen open lately by this instance, the pool's take decides (and refuses, given back at once, if it is gone since). */
  async function refuseIfGone(poolId: string, reserveFen: number, glanced: Glanced): Promise<void> {
    if (glanced === 'open' || d.campaigns.seen(poolId) === 'open') return
    const pool = glanced?._id === poolId ? glanced : await d.campaigns.pool(poolId)
    const gone = !pool || pool.left < 1 || pool.budgetLeft < reserveFen
    if (glanced?._id !== poolId) d.campaigns.note(poolId, gone)
    if (gone) fail('SOLD_OUT')
  }

  /** One slot's claim; the pool's hold is taken by a take that answers the pool after it: whether it is now gone, without a read. */
  async function claimSlot(c: CampaignDoc, doc: VoucherDoc) {
    let after: PoolDoc | null = null
    const counted = (h: Hold) =>
      d.campaigns.countStore
        .takeAndRead(h.docId, h.key, h.holder, h.take)
        .then((p) => p !== null && ((after = p as unknown as PoolDoc), true))
    // A refusal of the take is not proof the pool is gone (her other tap may hold the stock): the next tap reads it.
    const r = await d.vouchers.ledger
      .claim(doc, () => ({ status: 'unused', claimedAt: d.clock() }), { acquire: counted })
      .catch((e: unknown) => {
        if (e instanceof AppError && e.code === 'SOLD_OUT') d.campaigns.forget(doc.poolId)
        throw e
      })
    const pool = after as PoolDoc | null
    if (pool) d.campaigns.note(doc.poolId, pool.left < 1 || pool.budgetLeft < maxUnionFen(c.rule, c.modelWorkerBonus ?? null, false))
    return r
  }

  return {
    /**
     * Before anyone is looked up: a campaign whose single pool cannot fit even the smallest
     * reservation is gone for everyone, so the rush's losers cost one read, and none once this
     * instance saw it gone moments ago (instance-cache.ts `fullness`). Answers the pool read.
     */
    async glance(campaignId: string): Promise<Glanced> {
      const c = await campaign(campaignId)
      checkWindow(c)
      if (c.subBudgets?.length) return null
      // Seen lately by this instance (instance-cache.ts `fullness`): sold out needs no read, open needs no glance.
      const seen = d.campaigns.seen(c._id)
      if (seen === 'full') fail('SOLD_OUT')
      if (seen === 'open') return 'open'
      const pool = await d.campaigns.glance(c._id)
      const gone = !pool || pool.left < 1 || pool.budgetLeft < maxUnionFen(c.rule, c.modelWorkerBonus ?? null, false)
      d.campaigns.note(c._id, gone)
      if (gone) fail('SOLD_OUT')
      return pool
    },

    /**
     * Idempotent per request id without a marker document: a retry whose first call claimed
     * gets that voucher back (also when the pool is gone meanwhile); the voucher is the record.
     */
    async claimOnce(
      openid: string,
      campaignId: string,
      requestId: string | undefined,
      run: (glanced: Glanced) => Promise<VoucherDoc>,
      /** The client's first try (function.ts `firstAttempt`): nothing of it to look for when refused. */
      firstAttempt = false,
    ): Promise<VoucherDoc> {
      const retryOf = async () => {
        if (!requestId) return undefined
        const c = await campaign(campaignId)
        // One voucher per member (the usual case): her only possible voucher, by its id.
        const mine =
          c.perMember === 1
            ? [await d.vouchers.getSoon(voucherIdOf(c._id, openid, 1))].filter((v) => v !== null)
            : await d.vouchers.mine(openid, campaignId)
        return mine.find((v) => v.requestId === requestId && v.status !== 'pending')
      }
      try {
        return await run(await this.glance(campaignId)) // claim() itself returns the voucher this request id already claimed
      } catch (e) {
        const first = e instanceof AppError && e.code === 'SOLD_OUT' && !firstAttempt ? await retryOf() : undefined
        if (first) return first
        throw e
      }
    },

    async claim(
      openid: string,
      roster: RosterDoc,
      campaignId: string,
      requestId: string | undefined,
      glanced: Glanced = null,
    ): Promise<VoucherDoc> {
      const c = await campaign(campaignId)
      checkWindow(c)
      checkAudience(c, roster)
      const poolId = poolIdOf(c, roster) ?? fail('NOT_ELIGIBLE')
      const reserveFen = maxUnionFen(c.rule, c.modelWorkerBonus ?? null, isModelWorker(roster))
      await refuseIfGone(poolId, reserveFen, glanced)
      await mayClaim(c, openid)
      // One per member: the ledger's own insert finds her voucher if she has one (no read first).
      const held = c.perMember === 1 ? [] : await d.vouchers.mine(openid, c._id)
      const sameRequest = (v: VoucherDoc) => !!requestId && v.requestId === requestId && v.status !== 'pending'
      const again = held.find(sameRequest)
      if (again) return again
      const taken = new Set(held.filter((v) => v.status !== 'pending').map((v) => v.slot))
      for (let slot = 1; slot <= c.perMember; slot++) {
        if (taken.has(slot)) continue
        const r = await claimSlot(c, pendingVoucher(c, { openid, roster, poolId, reserveFen, requestId }, slot, d.clock()))
        if (r.outcome === 'confirmed' || sameRequest(r.doc)) return r.doc
      }
      fail('CLAIM_LIMIT_REACHED')
    },

    async enterDraw(openid: string, roster: RosterDoc, campaignId: string, requestId: string | undefined): Promise<{ entryRef: string }> {
      const c = await campaign(campaignId)
      if (c.mode !== 'lottery') fail('INVALID_ARGUMENT', 'campaignId')
      const now = d.clock()
      if (now < c.claimStartsAt) fail('CLAIM_NOT_OPEN')
      if (c.draw || now >= (c.drawAt ?? c.claimEndsAt)) fail('ALREADY_DRAWN')
      checkAudience(c, roster)
      const ref = refOf(c, openid)
      const entry = {
        _id: entryIdOf(c._id, openid),
        campaignId: c._id,
        openid,
        ref,
        at: now,
        result: 'entered' as const,
        requestId: requestId ?? null,
      }
      if (!(await d.entries.add(entry))) fail('ALREADY_ENTERED')
      return { entryRef: ref }
    },
    /** A same-id retry: the entry its first call added carries the request id. */
    async recoverEntry(
      openid: string,
      campaignId: string,
      requestId: string | undefined,
    ): Promise<{ data: { entryRef: string } } | undefined> {
      const e = requestId ? await d.entries.get(campaignId, openid) : null
      return e && e.requestId === requestId ? { data: { entryRef: e.ref } } : undefined
    },

    /** The seeded draw: winners get the right to claim (the pools still bound what they take). */
    async runDraw(campaignId: string, seed = randomBytes(16).toString('hex'), requestId: string | null = null): Promise<DrawDTO> {
      const c = await d.campaigns.fresh(campaignId)
      if (!c || c.mode !== 'lottery') fail('NOT_FOUND', 'campaignId')
      if (c.draw) fail('ALREADY_DRAWN')
      if (d.clock() < (c.drawAt ?? c.claimEndsAt)) fail('DRAW_NOT_DUE')
      const outcome = await drawOf(c, seed)
      const dto = {
        drawnAt: d.clock(),
        seed,
        entrants: outcome.entrants,
        entriesDigest: outcome.entriesDigest,
        winners: outcome.winners.length,
      }
      if (!(await d.campaigns.setDraw(c._id, dto, requestId))) fail('ALREADY_DRAWN')
      await d.entries.markWinners(c._id, outcome.winners)
      return dto
    },
    /** A same-id retry: the draw its first call set, its winners marked (again: marking is idempotent). */
    async recoverDraw(campaignId: string, requestId: string | undefined): Promise<{ data: DrawDTO } | undefined> {
      const c = requestId ? await d.campaigns.fresh(campaignId) : null
      if (!c?.draw || c.drawRequestId !== requestId) return undefined
      await d.entries.markWinners(c._id, (await drawOf(c, c.draw.seed)).winners)
      return { data: c.draw }
    },
  }
}

export type ClaimService = ReturnType<typeof createClaimService>
