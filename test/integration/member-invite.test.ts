import { createMemberFunction } from '../../cloudfunctions/member/index'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { InviteDTO, MeDTO, StaffScope } from '~types/member'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { seedOfficer } from '../support/accounts'
import { invoke, okData } from '../support/invoke'

/** One-time staff invites: an officer makes one, one person takes the role with it, once. */
let emu: TestEmulator
let now = Date.UTC(2026, 4, 1, 2, 0)
const main = createMemberFunction({ clock: () => now })
const SUGUO: StaffScope = { kind: 'merchant', id: 'merchant-suguo-xjk', name: '苏果超市（新街口店）' }

async function newInvite(scope = SUGUO, ttlHours?: number): Promise<InviteDTO> {
  return okData(await invoke<InviteDTO>(main, 'o-officer', 'createInvite', { scope, ...(ttlHours ? { ttlHours } : {}) }))
}

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedOfficer(emu.db, 'o-officer', now)
  await emu.db.collection(COLLECTIONS.voucherMerchants).add([
    { _id: SUGUO.id, name: SUGUO.name, address: '南京市中山路 1 号', category: '超市', suspended: false, createdAt: now, updatedAt: now },
    { _id: 'merchant-closed', name: '已暂停商户', address: '', category: '餐饮', suspended: true, createdAt: now, updatedAt: now },
  ])
  await emu.db.collection(COLLECTIONS.events).add({
    _id: 'fair-2026',
    title: '工匠工坊开放日',
    venue: { name: '南京国际博览中心', address: '', city: '南京' },
    startsAt: now,
    endsAt: now + 3600_000,
  })
  await emu.db.collection(COLLECTIONS.mixers).add({
    _id: 'mixer-qixi',
    title: '七夕联谊会',
    venue: '恩州驿古街广场',
    phase: 'open',
    startsAt: now - 3600_000, // happening now: first in the picker
    endsAt: now + 2 * 3600_000,
  })
  await emu.db
    .collection(COLLECTIONS.screeningSites)
    .add({ _id: 'site-fy', name: '妇女保健科', hospital: '南京市妇幼保健院', address: '天妃巷 123 号', phone: '025-1', whatToBring: [] })
})

it('lists the events, screening sites and merchants an officer can invite staff for, and nobody else may see them', async () => {
  expect(okData(await invoke(main, 'o-officer', 'inviteTargets', {}))).toEqual({
    events: [
      { kind: 'event', id: 'mixer-qixi', name: '会聚良缘 · 七夕联谊会', detail: '5月1日 · 恩州驿古街广场' },
      { kind: 'event', id: 'fair-2026', name: '工匠工坊开放日', detail: '5月1日 · 南京国际博览中心' },
    ],
    sites: [{ kind: 'site', id: 'site-fy', name: '妇女保健科（南京市妇幼保健院）', detail: '天妃巷 123 号' }],
    merchants: [
      { kind: 'merchant', id: SUGUO.id, name: SUGUO.name, detail: '核销员（扫码核销）· 南京市中山路 1 号' },
      { kind: 'merchant', id: `${SUGUO.id}-mgr`, name: SUGUO.name, detail: '店长（核销与对账）· 南京市中山路 1 号' },
    ],
    unions: [], // no tree in this federation: officer invites name a union of it (test/integration/unions.test.ts)
  })
  expect(await invoke(main, 'o-cashier', 'inviteTargets', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
})

it('refuses an invite for a target that does not exist, in words without internal field names, and stores nothing', async () => {
  const before = (await emu.db.collection(COLLECTIONS.staffInvites).count()).total
  for (const [kind, id, word] of [
    ['event', 'abc-nonexistent', '活动'],
    ['site', 'abc-nonexistent', '筛查点'],
    ['merchant', 'merchant-closed', '商户'],
  ] as const) {
    const res = await invoke(main, 'o-officer', 'createInvite', { scope: { kind, id, name: '随便' } })
    expect(res).toMatchObject({ ok: false, code: 'NOT_FOUND', field: 'scope.id', message: expect.stringContaining(word) })
    expect((res as { message: string }).message).not.toMatch(/scope|id|[A-Za-z]/)
  }
  expect((await emu.db.collection(COLLECTIONS.staffInvites).count()).total).toBe(before)
  // The stored name is the target's own, whatever the request said.
  expect(
    okData(await invoke<InviteDTO>(main, 'o-officer', 'createInvite', { scope: { kind: 'site', id: 'site-fy', name: '假名字' } })).scope,
  ).toEqual({ kind: 'site', id: 'site-fy', name: '妇女保健科（南京市妇幼保健院）' })
})
afterAll(() => emu.stop())

it("invites staff for a 会聚良缘 mixer's check-in station (an event scope)", async () => {
  const invite = okData(
    await invoke<InviteDTO>(main, 'o-officer', 'createInvite', { scope: { kind: 'event', id: 'mixer-qixi', name: 'x' } }),
  )
  expect(invite.scope).toEqual({ kind: 'event', id: 'mixer-qixi', name: '会聚良缘 · 七夕联谊会' })
})

it("invites a merchant's manager, who then holds the manager scope of that merchant (and never of a suspended one)", async () => {
  const invite = okData(
    await invoke<InviteDTO>(main, 'o-officer', 'createInvite', { scope: { kind: 'merchant', id: `${SUGUO.id}-mgr`, name: 'x' } }),
  )
  expect(invite.scope).toEqual({ kind: 'merchant', id: `${SUGUO.id}-mgr`, name: SUGUO.name })
  const me = okData(await invoke<MeDTO>(main, 'o-manager', 'redeemInvite', { code: invite.code }))
  expect(me.roles).toEqual([{ role: 'staff', scope: invite.scope }])
  expect(
    await invoke(main, 'o-officer', 'createInvite', { scope: { kind: 'merchant', id: 'merchant-closed-mgr', name: 'x' } }),
  ).toMatchObject({ ok: false, code: 'NOT_FOUND' })
})

it('issues a short typable code that expires in 72 hours by default and stores only its hash', async () => {
  const invite = await newInvite()
  expect(invite.code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/)
  expect(invite).toMatchObject({ scope: SUGUO, expiresAt: now + 72 * 3600_000 })
  const stored = JSON.stringify((await emu.db.collection(COLLECTIONS.staffInvites).get()).data)
  expect(stored).not.toContain(invite.code.replace('-', ''))
})

it('gives the redeemer the scoped staff role, accepting the code as people type it', async () => {
  const { code } = await newInvite()
  const typed = code.toLowerCase().replace('-', ' ')
  const me = okData(await invoke<MeDTO>(main, 'o-cashier', 'redeemInvite', { code: typed }))
  expect(me.roles).toEqual([{ role: 'staff', scope: SUGUO }])
  expect(await invoke(main, 'o-late', 'redeemInvite', { code })).toMatchObject({ ok: false, code: 'INVITE_USED' })
  // The same person again: already theirs, nothing doubles.
  expect(okData(await invoke<MeDTO>(main, 'o-cashier', 'redeemInvite', { code })).roles).toEqual([{ role: 'staff', scope: SUGUO }])
})

it('lets exactly one of many concurrent redeemers take a code', async () => {
  const { code } = await newInvite({ kind: 'event', id: 'fair-2026', name: '工匠工坊开放日' })
  const people = Array.from({ length: 8 }, (_, i) => `o-rush-${i}`)
  const results = await Promise.all(people.map((o) => invoke(main, o, 'redeemInvite', { code })))
  expect(results.filter((r) => r.ok)).toHaveLength(1)
  expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'INVITE_USED')).toBe(true)
  const staff = (await emu.db.collection(COLLECTIONS.users).where({ 'roles.scope.id': 'fair-2026' }).get()).data
  expect(staff).toHaveLength(1)
})

it('refuses an expired code (fixed clock) and an unknown one', async () => {
  const { code } = await newInvite({ kind: 'site', id: 'site-fy', name: '妇女保健科' }, 1)
  now += 3600_000
  expect(await invoke(main, 'o-nurse', 'redeemInvite', { code })).toMatchObject({ ok: false, code: 'INVITE_EXPIRED' })
  expect(await invoke(main, 'o-nurse', 'redeemInvite', { code: 'ABCD-EFGH' })).toMatchObject({ ok: false, code: 'INVITE_INVALID' })
  expect(await invoke(main, 'o-nurse', 'redeemInvite', { code: '!!' })).toMatchObject({ ok: false, code: 'INVITE_INVALID' })
  expect(okData(await invoke<MeDTO>(main, 'o-nurse', 'me', {})).roles).toEqual([])
})

it('stops guessing after 10 failed codes in 15 minutes', async () => {
  for (let i = 0; i < 10; i++)
    expect(await invoke(main, 'o-guesser', 'redeemInvite', { code: `ZZZZZZZ${'23456789AB'[i]}` })).toMatchObject({ code: 'INVITE_INVALID' })
  const { code } = await newInvite()
  expect(await invoke(main, 'o-guesser', 'redeemInvite', { code })).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
})

it('answers a retried createInvite with the same code', async () => {
  const first = await invoke(main, 'o-officer', 'createInvite', { scope: SUGUO }, 'req-invite-0001')
  expect(await invoke(main, 'o-officer', 'createInvite', { scope: SUGUO }, 'req-invite-0001')).toEqual(first)
})
