/**
 * 结算: a merchant's statement for a day, week or month, built from the
 * redemption rows each time (so it can never drift from them), with a digest
 * the manager confirms. Only a closed period can be confirmed: it has ended
 * and the few minutes in which the timer may still write a row whose call died
 * have passed. A confirmation names the digest it saw: if a row changes
 * afterwards anyway, the statement is open again and says so (`dropped`).
 */
import type { DisputeDTO, Period, StatementDTO } from '~types/vouchers'
import type { Clock } from '../common/clock'
import { fail } from '../common/errors'
import type { MerchantRepository } from './merchant.repository'
import { beijingPeriod } from './period'
import type { RedemptionRepository } from './redemption.repository'
import { orderRows, statementDigest, statementTotals } from './settlement.rules'
import type { StatementRepository } from './statement.repository'
import type { StatementDoc, StoredDispute } from './vouchers.docs'
import { rowDTO } from './vouchers.dto'

export interface SettlementDeps {
  clock: Clock
  merchants: MerchantRepository
  redemptions: RedemptionRepository
  statements: StatementRepository
}

/** One statement: which merchant, which period. */
export interface StatementRef {
  merchantId: string
  period: Period
  date: string
}

/** The manager acting on it, and the request id her confirmation or dispute records. */
export interface StatementCaller {
  openid: string
  requestId: string | undefined
}

/** How long after a period ends a late statement row may still land (the sweeper's backfill runs every minute). */
export const SETTLE_GRACE_MS = 5 * 60_000

/** What the manager and the officers read of a dispute: never who answered or the request that did. */
export function disputeDTO(x: StoredDispute): DisputeDTO {
  const a = x.answer
  return {
    rowId: x.rowId,
    note: x.note,
    ...(x.at ? { at: x.at } : {}),
    answer: a ? { decision: a.decision, note: a.note, organiser: a.organiser, at: a.at } : null,
  }
}

export function createSettlementService(d: SettlementDeps) {
  async function build(ref: StatementRef): Promise<StatementDTO> {
    return (await load(ref)).s
  }

  /** The statement as it reads now, with its merchant (whose owner a dispute is filed under) and what is stored. */
  async function load({ merchantId, period, date }: StatementRef) {
    const m = (await d.merchants.get(merchantId)) ?? fail('NOT_FOUND', 'merchantId')
    const { from, to, key } = beijingPeriod(period, date)
    const rows = orderRows((await d.redemptions.inPeriod(merchantId, from, to)).map((r) => ({ ...r, id: r._id })))
    const id = `${merchantId}:${key}`
    const digest = statementDigest(id, rows)
    const saved = await d.statements.get(id)
    const current = saved && saved.digest === digest
    const s: StatementDTO = {
      id,
      merchantId,
      merchantName: m.name,
      period,
      from,
      to,
      rows: rows.map((r) => rowDTO(r, false)),
      totals: statementTotals(rows),
      digest,
      state: current ? saved.state : 'open',
      confirmedDigest: saved?.state === 'confirmed' ? saved.digest : null,
      dispute: current && saved.state === 'disputed' && saved.dispute ? disputeDTO(saved.dispute) : null,
      closesAt: to + SETTLE_GRACE_MS,
      dropped: saved && !current && saved.state === 'confirmed' ? { at: saved.at } : null,
    }
    return { s, unionPath: m.unionPath ?? [], saved }
  }

  type Loaded = Awaited<ReturnType<typeof load>>
  const put = (l: Loaded, ref: StatementRef, who: StatementCaller, rest: Pick<StatementDoc, 'state' | 'digest' | 'dispute'>) => {
    const disputeState = rest.state === 'disputed' ? 'open' : null
    const by = { by: who.openid, at: d.clock(), requestId: who.requestId ?? null }
    return d.statements.put({
      _id: l.s.id,
      ...ref,
      ...rest,
      unionPath: l.unionPath,
      unionId: l.unionPath.at(-1) ?? null,
      disputeState,
      ...by,
    })
  }

  return {
    build,
    statement: build,
    async confirm(ref: StatementRef, digest: string, who: StatementCaller): Promise<StatementDTO> {
      const l = await load(ref)
      if (d.clock() < l.s.closesAt) fail('PERIOD_NOT_CLOSED')
      if (l.s.digest !== digest) fail('STATEMENT_CHANGED')
      await put(l, ref, who, { state: 'confirmed', digest, dispute: null })
      return build(ref)
    },
    async dispute(ref: StatementRef, rowId: string | null, note: string, who: StatementCaller): Promise<StatementDTO> {
      const l = await load(ref)
      if (rowId && !l.s.rows.some((r) => r.id === rowId)) fail('NOT_FOUND', 'rowId')
      await put(l, ref, who, { state: 'disputed', digest: l.s.digest, dispute: { rowId, note, at: d.clock(), answer: null } })
      return build(ref)
    },
    /**
     * An officer of the merchant's union answers its manager's dispute, once: 接受 (the union puts it right as
     * her note says: a reversal at the till, a correction next period) or 驳回 with the reason. A statement
     * whose rows changed since the dispute is no longer disputed (it reads open again): nothing to answer.
     */
    async answer(ref: StatementRef, decision: 'accepted' | 'rejected', note: string, who: StatementCaller & { organiser: string }) {
      const { s, saved } = await load(ref)
      if (s.state !== 'disputed' || !saved?.dispute) fail('NOT_DISPUTED')
      if (saved.dispute.answer) fail('DISPUTE_ANSWERED')
      const answer = { decision, note, organiser: who.organiser, at: d.clock(), by: who.openid, requestId: who.requestId ?? null }
      if (!(await d.statements.answer(s.id, s.digest, answer))) {
        const after = await d.statements.get(s.id)
        fail(after?.dispute?.answer ? 'DISPUTE_ANSWERED' : 'NOT_DISPUTED')
      }
      return build(ref)
    },
    /** A same-id retry of an answer: the answer its first call stored. */
    async answered(ref: StatementRef, who: StatementCaller): Promise<{ data: StatementDTO } | undefined> {
      if (!who.requestId) return undefined
      const saved = await d.statements.get(`${ref.merchantId}:${beijingPeriod(ref.period, ref.date).key}`)
      const a = saved?.dispute?.answer
      return a && a.requestId === who.requestId && a.by === who.openid ? { data: await build(ref) } : undefined
    },
    /** A same-id retry: the state its first call set is stored with its request id; the statement as it now reads. */
    async recover(ref: StatementRef, state: StatementDoc['state'], who: StatementCaller): Promise<{ data: StatementDTO } | undefined> {
      if (!who.requestId) return undefined
      const saved = await d.statements.get(`${ref.merchantId}:${beijingPeriod(ref.period, ref.date).key}`)
      if (saved?.requestId !== who.requestId || saved.by !== who.openid || saved.state !== state) return undefined
      return { data: await build(ref) }
    },
  }
}

export type SettlementService = ReturnType<typeof createSettlementService>
