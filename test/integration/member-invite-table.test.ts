/**
 * 工作人员 → 邀请 (issue 18): an officer's table of the invites made for her subtree's targets, paged and
 * filtered by the function on declared indexes (notablescan on: the collection holds more than its
 * threshold), and 撤销: an unused invite can no longer be redeemed; a used one cannot be revoked.
 */
import { createMemberFunction } from '../../cloudfunctions/member/index'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { InviteDTO, InviteRowDTO } from '~types/member'
import type { TablePage } from '~types/table'
import { pathOf } from '../../tools/seed/union-structure'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { seedRole } from './screening.fixtures'
import { seedTree } from './vouchers-fixtures'

let emu: TestEmulator
const T0 = Date.UTC(2027, 2, 8, 2, 0)
let now = T0
const main = createMemberFunction({ clock: () => now })
const CITY = 'o-city'
const QH = 'o-qinhuai'
const OWN = { kind: 'event' as const, id: 'event-qh', name: '秦淮工匠市集' }
const FOREIGN = { kind: 'event' as const, id: 'event-xw', name: '玄武湖健步走' }

const ok = async <T>(who: string, action: string, data: unknown) => okData(await invoke<T>(main, who, action, data))
const table = (who: string, data: unknown = {}) => ok<TablePage<InviteRowDTO>>(who, 'inviteTable', data)
const invite = (who: string, scope: typeof OWN, ttlHours = 72) => ok<InviteDTO>(who, 'createInvite', { scope, ttlHours })
/** The row of the invite made for `scope` most recently, as the city reads it. */
const rowOf = async (scope: typeof OWN) => (await table(CITY, { pageSize: 100 })).items.find((r) => r.scope.id === scope.id)!

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedTree(emu.db)
  await seedRole(emu.db, CITY, { role: 'officer' })
  await seedRole(emu.db, QH, { role: 'officer', unionId: 'u-qinhuai' } as never)
  await emu.db.collection(COLLECTIONS.events).add([
    { _id: OWN.id, title: OWN.name, venue: { name: '老门东' }, startsAt: T0, endsAt: T0 + 3_600_000, unionPath: pathOf('u-qh-suguo') },
    {
      _id: FOREIGN.id,
      title: FOREIGN.name,
      venue: { name: '玄武湖' },
      startsAt: T0,
      endsAt: T0 + 3_600_000,
      unionPath: ['u-nanjing', 'u-xuanwu'],
    },
  ])
  // older invites of other unions' sites, used and unused, so every table query must find its index
  await emu.db.collection(COLLECTIONS.staffInvites).add(
    Array.from({ length: 25 }, (_x, i) => ({
      _id: `old-${i}`,
      scope: { kind: 'site', id: `site-${i}`, name: `筛查点${i}` },
      createdBy: CITY,
      createdAt: T0 - (i + 1) * 3_600_000,
      expiresAt: T0 + 3_600_000,
      usedBy: i % 2 ? `o-nurse-${i}` : null,
      usedAt: i % 2 ? T0 - 60_000 : null,
      state: i % 2 ? 'used' : 'open',
      unionPath: ['u-nanjing', 'u-gulou'],
      ref: `${String(i).padStart(2, '0')}00000000000000`,
    })),
  )
})
afterAll(() => emu.stop())

test("her table holds the invites for her subtree's targets, newest first, never a code; the city's holds every one", async () => {
  const mine = await invite(QH, OWN)
  await invite(CITY, FOREIGN)
  const hers = await table(QH)
  expect(hers.total).toBe(1)
  expect(hers.items[0]).toEqual({
    id: expect.stringMatching(/^[0-9a-f]{16}$/),
    scope: OWN,
    state: 'open',
    createdBy: '未认证用户', // an officer without a roster record: never her openid
    createdAt: T0,
    expiresAt: T0 + 72 * 3_600_000,
    usedBy: null,
    usedAt: null,
    revokedAt: null,
  })
  expect(JSON.stringify(hers)).not.toContain(mine.code.replace('-', ''))
  const city = await table(CITY, { pageSize: 10 })
  expect(city.total).toBe(27)
  expect(
    city.items
      .slice(0, 2)
      .map((r) => r.scope.id)
      .sort(),
  ).toEqual([OWN.id, FOREIGN.id])
  expect((await table(CITY, { kind: 'event' })).total).toBe(2)
  expect((await table(CITY, { state: 'used' })).total).toBe(12)
  expect((await table(CITY, { state: 'open', kind: 'site' })).total).toBe(13)
  expect(await invoke(main, 'o-member', 'inviteTable', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
})

test('撤销: an unused invite can no longer be redeemed; again answers the same; another union’s is refused', async () => {
  now += 1000
  const code = (await invite(QH, OWN)).code
  const row = (await table(QH, { state: 'open' })).items[0] // the newest: this code's
  expect(await invoke(main, QH, 'revokeInvite', { id: (await rowOf(FOREIGN)).id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  const revoked = await ok<InviteRowDTO>(QH, 'revokeInvite', { id: row.id })
  expect(revoked).toMatchObject({ id: row.id, state: 'revoked', revokedAt: now, createdAt: now })
  expect(await ok<InviteRowDTO>(QH, 'revokeInvite', { id: row.id })).toEqual(revoked)
  expect(await invoke(main, 'o-cashier', 'redeemInvite', { code })).toMatchObject({ ok: false, code: 'INVITE_REVOKED' })
  expect((await table(QH, { state: 'revoked' })).items.map((r) => r.id)).toEqual([row.id])
  const audit = (await emu.db.collection(COLLECTIONS.auditLog).where({ actor: QH }).get()).data as { action: string; target: string }[]
  // each call that ran is audited, naming the invite by its handle
  const lines = audit.filter((a) => a.action === 'officer.member.revokeInvite')
  expect(lines.map((a) => a.target)).toEqual([`id=${row.id}`, `id=${row.id}`])
  expect(await invoke(main, QH, 'revokeInvite', { id: 'ffffffffffffffff' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
})

test('a used invite cannot be revoked, and a revoked code is refused at redemption with its own reason', async () => {
  now += 1000
  const used = await invite(QH, OWN)
  okData(await invoke(main, 'o-guard', 'redeemInvite', { code: used.code }))
  const usedRow = (await table(QH, { state: 'used' })).items[0]
  expect(usedRow).toMatchObject({ state: 'used', usedBy: '未认证用户', usedAt: now })
  expect(await invoke(main, QH, 'revokeInvite', { id: usedRow.id })).toMatchObject({ ok: false, code: 'INVITE_USED' })

  now += 1000
  const fresh = await invite(QH, OWN)
  const freshRow = (await table(QH, { state: 'open' })).items[0]
  expect(freshRow.createdAt).toBe(now)
  okData(await invoke(main, QH, 'revokeInvite', { id: freshRow.id }))
  expect(await invoke(main, 'o-late', 'redeemInvite', { code: fresh.code })).toMatchObject({ ok: false, code: 'INVITE_REVOKED' })
})

test('a revoke and a redemption racing on one invite: exactly one wins, and the loser is told why', async () => {
  now += 1000
  const { code } = await invite(QH, OWN)
  const { id } = (await table(QH, { state: 'open' })).items[0]
  const [redeem, revoke] = await Promise.all([invoke(main, 'o-racer', 'redeemInvite', { code }), invoke(main, QH, 'revokeInvite', { id })])
  if (redeem.ok) expect(revoke).toMatchObject({ ok: false, code: 'INVITE_USED' })
  else expect([redeem.code, revoke.ok]).toEqual(['INVITE_REVOKED', true])
})

test('已过期: an unused invite past its time, told apart from 有效 by the clock', async () => {
  now += 1000
  await invite(QH, OWN, 1)
  now += 2 * 3_600_000
  const expired = await table(QH, { state: 'expired' })
  expect(expired.items[0]).toMatchObject({ state: 'expired', createdAt: now - 2 * 3_600_000 })
  expect((await table(QH, { state: 'open' })).items.every((r) => r.expiresAt > now)).toBe(true)
})
