/** Shared set-up of the vouchers integration tests: officer, merchants with staff, campaigns, a clock to move. */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { Db } from '../../cloudfunctions/common/db'
import { createVouchersFunction } from '../../cloudfunctions/vouchers/index'
import type { PoolDoc, VoucherDoc } from '../../cloudfunctions/vouchers/vouchers.docs'
import { readAll } from '../../cloudfunctions/common/paginate'
import type { CampaignInputDTO } from '~types/vouchers'
import { invoke, invokeDuringCrash, okData } from '../support/invoke'
import { seedRole } from './screening.fixtures'
import { pathOf, unionDocs } from '../../tools/seed/union-structure'

export const HOUR = 3_600_000
export const T0 = Date.UTC(2027, 2, 8, 2, 0) // 10:00 Beijing

/** The function on a clock the test moves; `db`: the database it talks to (default: the test emulator's). */
export function vouchersHarness(deps: { db?: () => Db } = {}) {
  const clock = { now: T0 }
  const main = createVouchersFunction({ clock: () => clock.now, db: deps.db })
  const call = <T = any>(openid: string, action: string, data?: unknown, requestId?: string | null) =>
    invoke<T>(main, openid, action, data, requestId)
  /** While a crash test kills the database: a call that dies answers INTERNAL instead of failing the test. */
  const callDuringCrash = <T = any>(openid: string, action: string, data?: unknown, requestId?: string | null) =>
    invokeDuringCrash<T>(main, openid, action, data, requestId)
  return {
    clock,
    main,
    call,
    callDuringCrash,
    ok: async <T = any>(openid: string, action: string, data?: unknown) => okData(await call<T>(openid, action, data)),
  }
}

export type Harness = ReturnType<typeof vouchersHarness>

export const staffScope = (merchantId: string, manager = false) => ({
  role: 'staff' as const,
  scope: { kind: 'merchant' as const, id: manager ? `${merchantId}-mgr` : merchantId, name: merchantId },
})

export async function merchant(h: Harness, name: string): Promise<string> {
  return (await h.ok<{ id: string }>('officer', 'saveMerchant', { name, address: '南京市玄武区', category: '超市' })).id
}

export function campaignInput(merchantIds: string[], o: Partial<CampaignInputDTO> = {}): CampaignInputDTO {
  return {
    name: '测试券',
    funderName: '测试工会',
    rule: { kind: 'discount', ratePercent: 95, capFen: 2000 },
    perMember: 1,
    totalVouchers: 500,
    budgetFen: 10_000_000,
    claimStartsAt: T0,
    claimEndsAt: T0 + 24 * HOUR,
    useStartsAt: T0,
    useEndsAt: T0 + 72 * HOUR,
    mode: 'first_come',
    audience: { tagsAny: [], branches: [] },
    merchantIds,
    modelWorkerBonus: null,
    reverseWindowMinutes: 60,
    remindDaysBefore: 1,
    ...o,
  }
}

export async function setUpOfficer(db: Db): Promise<void> {
  await seedRole(db, 'officer', { role: 'officer' })
}

export async function poolsOf(db: Db, campaignId: string): Promise<PoolDoc[]> {
  return (await db.collection(COLLECTIONS.voucherPools).where({ campaignId }).get()).data as PoolDoc[]
}

export async function vouchersOf(db: Db, campaignId: string): Promise<VoucherDoc[]> {
  return readAll<VoucherDoc>(db.collection(COLLECTIONS.vouchers).where({ campaignId }))
}

/** The budget's books: what the pool says against what its vouchers and rows say. */
export async function budgetBooks(db: Db, campaignId: string) {
  const [pool] = await poolsOf(db, campaignId)
  const vs = (await vouchersOf(db, campaignId)).filter((v) => v.status !== 'pending')
  // What the pool says is taken (reservations + deductions); its maps only hold steps in flight.
  const takenFen = pool.budgetFen - pool.budgetLeft
  const reservedFen = vs.filter((v) => v.status === 'unused').reduce((a, v) => a + v.reserveFen, 0)
  const usedFen = vs.filter((v) => v.status === 'redeemed').reduce((a, v) => a + (v.redemption?.unionFen ?? 0), 0)
  return { pool, vs, takenFen, reservedFen, usedFen }
}

export async function codeOf(h: Harness, openid: string, voucherId: string): Promise<string> {
  return (await h.ok<{ code: { token: string } | null }>(openid, 'voucherCode', { voucherId })).code!.token
}

/** The demo union tree (tools/seed/union-structure.ts) written into `unions` (issue 20). */
export async function seedTree(db: Db): Promise<void> {
  await db.collection(COLLECTIONS.unions).add(unionDocs(0))
}

/** Places members' roster records in the tree: openid → grassroots unit id (e.g. `u-qh-meituan`). */
export async function placeMembers(db: Db, units: Record<string, string>): Promise<void> {
  for (const [openid, unitId] of Object.entries(units))
    await db
      .collection(COLLECTIONS.roster)
      .where({ boundOpenid: openid })
      .update({ unionId: unitId, unionPath: db.command.set(pathOf(unitId)) })
}
