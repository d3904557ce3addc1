import { randomUUID } from 'node:crypto'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { UserDoc } from '../../cloudfunctions/common/member-docs'
import { createMemberFunction } from '../../cloudfunctions/member/index'
import type { DeletionRequestDTO, DeletionRequestResult, InviteDTO, MeDTO } from '~types/member'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'

/**
 * Issue 15: a same-id retry that arrives while the first call is still running reads what that call
 * left (`recover`) instead of waiting or answering CONFLICT; whichever runs first, every copy answers
 * the same outcome and the work is done once.
 */
let emu: TestEmulator
const T0 = Date.UTC(2026, 4, 1, 2, 0)
const main = createMemberFunction({ clock: () => T0 })
const CSV = '姓名,会员证号,所属工会\n王秀英,GH3201000456,南京市鼓楼区总工会\n赵敏,GH3201000999,南京市玄武区总工会'
const SCOPE = { kind: 'merchant', id: 'merchant-suguo-xjk' } as const

/** The same request, sent three times at once (a client retrying a call that seems slow). */
async function thrice<T>(openid: string, action: string, data: unknown): Promise<T[]> {
  const requestId = randomUUID()
  const answers = await Promise.all([0, 1, 2].map(() => invoke<T>(main, openid, action, data, requestId)))
  return answers.map((a) => okData(a))
}

const count = async (coll: string, where: Record<string, unknown>) => (await emu.db.collection(coll).where(where).count()).total

beforeAll(async () => {
  emu = await startTestEmulator()
  const officer: UserDoc = {
    _id: 'o-officer',
    rosterId: null,
    verifiedAt: null,
    roles: [{ role: 'officer' }],
    deletionRequestedAt: null,
    createdAt: T0,
    updatedAt: T0,
  }
  await emu.db.collection(COLLECTIONS.users).add(officer)
  await emu.db
    .collection(COLLECTIONS.voucherMerchants)
    .add({ _id: SCOPE.id, name: '苏果超市（新街口店）', address: '', category: '超市', suspended: false, createdAt: T0, updatedAt: T0 })
  okData(await invoke(main, 'o-officer', 'importRoster', { csv: CSV }))
})
afterAll(() => emu.stop())

it('createInvite: one invite, one code, whichever copy answers', async () => {
  const answers = await thrice<InviteDTO>('o-officer', 'createInvite', { scope: SCOPE })
  expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1)
  expect(await count(COLLECTIONS.staffInvites, {})).toBe(1)
  expect(await count(COLLECTIONS.auditLog, { action: 'member.createInvite' })).toBe(1)
})

it('redeemInvite: the role once, and every copy answers it (never INVITE_USED)', async () => {
  const { code } = okData(await invoke<InviteDTO>(main, 'o-officer', 'createInvite', { scope: SCOPE }))
  const answers = await thrice<MeDTO>('o-cashier', 'redeemInvite', { code })
  const role = { role: 'staff', scope: { kind: 'merchant', id: SCOPE.id, name: '苏果超市（新街口店）' } }
  for (const a of answers) expect(a.roles).toEqual([role])
  const user = (await emu.db.collection(COLLECTIONS.users).doc('o-cashier').get()).data[0] as UserDoc
  expect(user.roles).toEqual([role])
})

it('verify: bound once, every copy answers her verified account', async () => {
  const answers = await thrice<MeDTO>('o-wang', 'verify', { name: '王秀英', cardNo: 'GH3201000456' })
  for (const a of answers) expect(a).toMatchObject({ verified: true, profile: { name: '王秀英' } })
  expect(await count(COLLECTIONS.roster, { boundOpenid: 'o-wang' })).toBe(1)
})

it('requestDeletion and processDeletionRequest: one request, settled once, every copy answers the same', async () => {
  okData(await invoke(main, 'o-zhao', 'verify', { name: '赵敏', cardNo: 'GH3201000999' }))
  const asked = await thrice<DeletionRequestResult>('o-zhao', 'requestDeletion', {})
  expect(asked).toEqual([{ requestedAt: T0 }, { requestedAt: T0 }, { requestedAt: T0 }])
  expect(await count(COLLECTIONS.deletionRequests, { openid: 'o-zhao' })).toBe(1)
  const [request] = okData(await invoke<DeletionRequestDTO[]>(main, 'o-officer', 'listDeletionRequests', {}))
  const settled = await thrice<DeletionRequestDTO>('o-officer', 'processDeletionRequest', { id: request.id })
  expect(settled.map((s) => s.status)).toEqual(['done', 'done', 'done'])
  expect(new Set(settled.map((s) => JSON.stringify(s))).size).toBe(1)
  expect(await count(COLLECTIONS.auditLog, { action: 'member.processDeletion' })).toBe(1)
})

it('unbind: every copy answers her unbound account', async () => {
  const answers = await thrice<MeDTO>('o-wang', 'unbind', {})
  for (const a of answers) expect(a).toMatchObject({ verified: false, profile: null })
  expect(await count(COLLECTIONS.roster, { boundOpenid: 'o-wang' })).toBe(0)
})
