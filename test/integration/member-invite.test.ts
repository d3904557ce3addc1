import { createMemberFunction } from '../../cloudfunctions/member/index'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { UserDoc } from '../../cloudfunctions/common/member-docs'
import type { InviteDTO, MeDTO, StaffScope } from '../../types/member'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
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
  await emu.db.collection(COLLECTIONS.users).add({ _id: 'o-officer', rosterId: null, verifiedAt: null, roles: [{ role: 'officer' }], deletionRequestedAt: null, createdAt: now, updatedAt: now } satisfies UserDoc)
})
afterAll(() => emu.stop())

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
  const { code } = await newInvite({ kind: 'event', id: 'event-fair-2027', name: '跟着劳模赶大集' })
  const people = Array.from({ length: 8 }, (_, i) => `o-rush-${i}`)
  const results = await Promise.all(people.map((o) => invoke(main, o, 'redeemInvite', { code })))
  expect(results.filter((r) => r.ok)).toHaveLength(1)
  expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'INVITE_USED')).toBe(true)
  const staff = (await emu.db.collection(COLLECTIONS.users).where({ 'roles.scope.id': 'event-fair-2027' }).get()).data
  expect(staff).toHaveLength(1)
})

it('refuses an expired code (fixed clock) and an unknown one', async () => {
  const { code } = await newInvite({ kind: 'site', id: 'site-fuyou', name: '市妇幼保健院' }, 1)
  now += 3600_000
  expect(await invoke(main, 'o-nurse', 'redeemInvite', { code })).toMatchObject({ ok: false, code: 'INVITE_EXPIRED' })
  expect(await invoke(main, 'o-nurse', 'redeemInvite', { code: 'ABCD-EFGH' })).toMatchObject({ ok: false, code: 'INVITE_INVALID' })
  expect(await invoke(main, 'o-nurse', 'redeemInvite', { code: '!!' })).toMatchObject({ ok: false, code: 'INVITE_INVALID' })
  expect(okData(await invoke<MeDTO>(main, 'o-nurse', 'me', {})).roles).toEqual([])
})

it('stops guessing after 10 failed codes in 15 minutes', async () => {
  for (let i = 0; i < 10; i++) expect(await invoke(main, 'o-guesser', 'redeemInvite', { code: `ZZZZZZZ${'23456789AB'[i]}` })).toMatchObject({ code: 'INVITE_INVALID' })
  const { code } = await newInvite()
  expect(await invoke(main, 'o-guesser', 'redeemInvite', { code })).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
})

it('answers a retried createInvite with the same code', async () => {
  const first = await invoke(main, 'o-officer', 'createInvite', { scope: SUGUO }, 'req-invite-0001')
  expect(await invoke(main, 'o-officer', 'createInvite', { scope: SUGUO }, 'req-invite-0001')).toEqual(first)
})
