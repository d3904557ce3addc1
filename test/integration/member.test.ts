import { createMemberFunction } from '../../cloudfunctions/member/index'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { RosterDoc } from '../../cloudfunctions/common/member-docs'
import type { MeDTO } from '~types/member'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { seedOfficer } from '../support/accounts'
import { invoke, okData } from '../support/invoke'

/** Verification, unbinding, export and deletion as a member goes through them. */
let emu: TestEmulator
let now = Date.UTC(2026, 4, 1, 2, 0)
const main = createMemberFunction({ clock: () => now })

const CSV = [
  '姓名,会员证号,手机号,所属工会,标签,性别,出生日期',
  '李明,GH3201000123,13800000123,秦淮区总工会,,男,1988-06-01',
  '王秀英,GH3201000456,13900000456,美团外卖秦淮站点工会,新就业形态|女职工,女,1990-02-14',
  '张建国,GH3201000789,13700000789,鼓楼区总工会,劳模,男,1968-10-01',
  '赵敏,GH3201000999,13600000999,市妇幼保健院工会,女职工,女,1992-03-08',
].join('\n')

async function roster(id: string): Promise<RosterDoc> {
  return ((await emu.db.collection(COLLECTIONS.roster).doc(id).get()).data as unknown as RosterDoc[])[0]
}

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedOfficer(emu.db, 'o-officer', now)
  okData(await invoke(main, 'o-officer', 'importRoster', { csv: CSV }))
})
afterAll(() => emu.stop())

describe('verify', () => {
  it('binds the record named by name + card number and shows the owner their unmasked profile', async () => {
    expect(okData(await invoke<MeDTO>(main, 'o-li', 'me', {}))).toEqual({
      verified: false,
      profile: null,
      roles: [],
      deletionRequestedAt: null,
      deletion: null,
    })
    const me = okData(await invoke<MeDTO>(main, 'o-li', 'verify', { name: ' 李 明 ', cardNo: 'gh3201000123' }))
    expect(me.verified).toBe(true)
    expect(me.profile).toMatchObject({
      name: '李明',
      cardNo: 'GH3201000123',
      phone: '13800000123',
      branch: '秦淮区总工会',
      verifiedAt: now,
    })
    expect(me.roles).toEqual([{ role: 'member' }])
    expect((await roster('GH3201000123')).boundOpenid).toBe('o-li')
    expect(okData(await invoke<MeDTO>(main, 'o-li', 'me', {}))).toEqual(me)
  })

  it('binds by name + phone too, and refuses a second verification of a verified account', async () => {
    const me = okData(await invoke<MeDTO>(main, 'o-wang', 'verify', { name: '王秀英', phone: '13900000456' }))
    expect(me.profile?.tags).toEqual(['新就业形态', '女职工'])
    const again = await invoke(main, 'o-wang', 'verify', { name: '张建国', cardNo: 'GH3201000789' })
    expect(again).toMatchObject({ ok: false, code: 'ALREADY_VERIFIED' })
    expect((await roster('GH3201000789')).boundOpenid).toBeNull()
  })

  it('refuses a name that does not match and binds nothing', async () => {
    expect(await invoke(main, 'o-x', 'verify', { name: '李明', cardNo: 'GH3201000124' })).toMatchObject({
      ok: false,
      code: 'VERIFY_MISMATCH',
    })
    expect(await invoke(main, 'o-x', 'verify', { name: '李红', cardNo: 'GH3201000789' })).toMatchObject({
      ok: false,
      code: 'VERIFY_MISMATCH',
    })
    expect((await roster('GH3201000789')).boundOpenid).toBeNull()
    expect(okData(await invoke<MeDTO>(main, 'o-x', 'me', {})).verified).toBe(false)
  })

  it('refuses a record bound to someone else', async () => {
    expect(await invoke(main, 'o-other', 'verify', { name: '李明', cardNo: 'GH3201000123' })).toMatchObject({
      ok: false,
      code: 'ROSTER_ALREADY_BOUND',
    })
    expect((await roster('GH3201000123')).boundOpenid).toBe('o-li')
  })

  it('rate-limits attempts per openid: the 6th within 15 minutes is refused even when right, then allowed again', async () => {
    for (let i = 0; i < 5; i++)
      expect(await invoke(main, 'o-guess', 'verify', { name: '张建国', cardNo: `GH320100000${i}` })).toMatchObject({
        code: 'VERIFY_MISMATCH',
      })
    expect(await invoke(main, 'o-guess', 'verify', { name: '张建国', cardNo: 'GH3201000789' })).toMatchObject({
      ok: false,
      code: 'RATE_LIMITED',
    })
    expect(await invoke(main, 'o-someone-else', 'verify', { name: '张建国', cardNo: 'GH3201000000' })).toMatchObject({
      code: 'VERIFY_MISMATCH',
    })
    now += 15 * 60_000
    expect(okData(await invoke<MeDTO>(main, 'o-guess', 'verify', { name: '张建国', cardNo: 'GH3201000789' })).verified).toBe(true)
  })

  it('lets exactly one of two accounts racing for the same record win', async () => {
    const racers = ['o-race-a', 'o-race-b', 'o-race-c', 'o-race-d']
    const results = await Promise.all(racers.map((o) => invoke(main, o, 'verify', { name: '赵敏', cardNo: 'GH3201000999' })))
    const winners = racers.filter((_, i) => results[i].ok)
    expect(winners).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual([
      'ROSTER_ALREADY_BOUND',
      'ROSTER_ALREADY_BOUND',
      'ROSTER_ALREADY_BOUND',
    ])
    expect((await roster('GH3201000999')).boundOpenid).toBe(winners[0])
    const users = (await emu.db.collection(COLLECTIONS.users).where({ rosterId: 'GH3201000999' }).get()).data
    expect(users.map((u) => u._id)).toEqual(winners)
  })

  it('returns the first outcome when the same request id is sent twice', async () => {
    const first = await invoke(main, 'o-retry', 'verify', { name: '李明', cardNo: 'GH0000000001' }, 'req-verify-0001')
    const second = await invoke(main, 'o-retry', 'verify', { name: '李明', cardNo: 'GH0000000001' }, 'req-verify-0001')
    expect(second).toEqual(first)
    const attempts = (await emu.db.collection(COLLECTIONS.verifyAttempts).doc('verify:o-retry').get()).data[0]
    expect(attempts.count).toBe(1)
  })
})

describe('unbind, export and deletion', () => {
  it('unbinds: the record stays, the link goes, and another account may then verify it', async () => {
    const me = okData(await invoke<MeDTO>(main, 'o-li', 'unbind', {}, 'unbind-once-1'))
    expect(me).toMatchObject({ verified: false, profile: null })
    // Her phone's retry of that same request, once it finished: no longer a member's call, it still gets its answer.
    expect(okData(await invoke<MeDTO>(main, 'o-li', 'unbind', {}, 'unbind-once-1'))).toEqual(me)
    const record = await roster('GH3201000123')
    expect(record).toMatchObject({ name: '李明', phone: '13800000123', boundOpenid: null })
    expect(await invoke(main, 'o-li', 'unbind', {})).toMatchObject({ ok: false, code: 'NOT_VERIFIED' }) // a new request is refused
    expect(okData(await invoke<MeDTO>(main, 'o-li-new-phone', 'verify', { name: '李明', cardNo: 'GH3201000123' })).verified).toBe(true)
  })

  it("exports the caller's own data unmasked", async () => {
    const data = okData(await invoke(main, 'o-wang', 'exportMyData', {}))
    expect(data).toMatchObject({
      exportedAt: now,
      account: { verified: true, roles: [{ role: 'member' }] },
      profile: { name: '王秀英', phone: '13900000456', cardNo: 'GH3201000456' },
    })
    expect(okData(await invoke(main, 'o-nobody', 'exportMyData', {}))).toMatchObject({ account: { verified: false }, profile: null })
  })

  it('records a deletion request and marks the account; she stays a member until the union acts; asking again changes nothing', async () => {
    const { requestedAt } = okData(await invoke(main, 'o-wang', 'requestDeletion', {}))
    expect(requestedAt).toBe(now)
    expect((await roster('GH3201000456')).boundOpenid).toBe('o-wang')
    expect(okData(await invoke<MeDTO>(main, 'o-wang', 'me', {}))).toMatchObject({
      verified: true,
      profile: { name: '王秀英' },
      roles: [{ role: 'member' }],
      deletionRequestedAt: now,
      deletion: { requestedAt: now, status: 'pending', processedAt: null, outcome: null },
    })
    now += 1000
    expect(okData(await invoke(main, 'o-wang', 'requestDeletion', {}))).toEqual({ requestedAt })
    const requests = (await emu.db.collection(COLLECTIONS.deletionRequests).where({ openid: 'o-wang' }).get()).data
    expect(requests).toEqual([expect.objectContaining({ rosterId: 'GH3201000456', status: 'pending', requestedAt })])
  })
})
