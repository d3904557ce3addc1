import { createMemberFunction } from '../../cloudfunctions/member/index'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { DeletionRequestDTO, MeDTO } from '~types/member'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { seedOfficer } from '../support/accounts'
import { invoke, okData } from '../support/invoke'

/** Issue 8 defect 10: officers get a deletion queue; erase what may go, record what is kept and why; she sees the outcome. */
let emu: TestEmulator
const T0 = Date.UTC(2026, 4, 1, 2, 0)
let now = T0
const main = createMemberFunction({ clock: () => now })
const CSV = '姓名,会员证号,所属工会,性别\n王秀英,GH3201000456,南京市鼓楼区总工会,女\n赵敏,GH3201000999,南京市玄武区总工会,女'

async function countOf(coll: string, where: Record<string, unknown>): Promise<number> {
  return (await emu.db.collection(coll).where(where).count()).total
}

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedOfficer(emu.db, 'o-officer', now)
  okData(await invoke(main, 'o-officer', 'importRoster', { csv: CSV }))
  okData(await invoke(main, 'o-wang', 'verify', { name: '王秀英', cardNo: 'GH3201000456' }))
  okData(await invoke(main, 'o-zhao', 'verify', { name: '赵敏', cardNo: 'GH3201000999' }))
  // What the other services hold about her (their own providers erase it).
  const db = emu.db
  await db.collection(COLLECTIONS.eventStamps).add([
    { _id: 'f:b1:o-wang', openid: 'o-wang', eventId: 'f', boothId: 'b1', stampedAt: T0 },
    { _id: 'f:b1:o-zhao', openid: 'o-zhao', eventId: 'f', boothId: 'b1', stampedAt: T0 },
  ])
  await db.collection(COLLECTIONS.screeningResults).add({ _id: 'p1:o-wang', openid: 'o-wang', outcome: 'normal', note: '', readyAt: T0 })
  await db.collection(COLLECTIONS.screeningBookings).add([
    { _id: 'p1:o-wang', openid: 'o-wang', programmeId: 'p1', status: 'checked_in', pendingAt: T0 },
    { _id: 'p2:o-wang', openid: 'o-wang', programmeId: 'p2', status: 'booked', pendingAt: T0 },
  ])
  await db.collection(COLLECTIONS.noticeOptins).add({ _id: 'o-wang', credits: { booking: 1 } })
})
afterAll(() => emu.stop())

it('queues her request for officers, masked, with a stable reference; members cannot see the queue', async () => {
  okData(await invoke(main, 'o-wang', 'requestDeletion', {}))
  // Until the union acts she is still a member: verified, her roster record bound, her request shown as waiting.
  expect(okData(await invoke<MeDTO>(main, 'o-wang', 'me', {}))).toMatchObject({
    verified: true,
    deletion: { status: 'pending', requestedAt: T0 },
  })
  expect((await emu.db.collection(COLLECTIONS.roster).doc('GH3201000456').get()).data[0]).toMatchObject({ boundOpenid: 'o-wang' })
  const queue = okData(await invoke<DeletionRequestDTO[]>(main, 'o-officer', 'listDeletionRequests', {}))
  expect(queue).toEqual([
    {
      id: expect.stringMatching(/^del-[0-9a-f]{24}$/),
      requestedAt: T0,
      status: 'pending',
      processedAt: null,
      outcome: null,
      memberName: '王**',
      memberRef: expect.stringMatching(/^M-/),
      branch: '南京市鼓楼区总工会',
    },
  ])
  expect(JSON.stringify(queue)).not.toContain('o-wang')
  expect(await invoke(main, 'o-zhao', 'listDeletionRequests', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await invoke(main, 'o-zhao', 'processDeletionRequest', { id: queue[0].id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await invoke(main, 'o-officer', 'processDeletionRequest', { id: 'del-000000000000000000000000' })).toMatchObject({
    ok: false,
    code: 'NOT_FOUND',
    message: '没有找到这条删除申请',
  })
})

it('erases what may go now, keeps her unfinished booking with the reason, and she reads the outcome', async () => {
  const [req] = okData(await invoke<DeletionRequestDTO[]>(main, 'o-officer', 'listDeletionRequests', {}))
  now = T0 + 3600_000
  const first = okData(await invoke<DeletionRequestDTO>(main, 'o-officer', 'processDeletionRequest', { id: req.id }))
  expect(first).toMatchObject({
    status: 'partly',
    processedAt: now,
    outcome: { erased: expect.arrayContaining(['筛查结果 1 条', '预约记录 1 条', '集章记录 1 条']) },
  })
  expect(first.outcome!.kept).toEqual([{ what: '未就诊的筛查预约 1 条', why: expect.stringContaining('就诊或取消后') }])
  expect(await countOf(COLLECTIONS.screeningResults, { openid: 'o-wang' })).toBe(0)
  expect(await countOf(COLLECTIONS.eventStamps, { openid: 'o-wang' })).toBe(0)
  expect(await countOf(COLLECTIONS.eventStamps, { openid: 'o-zhao' })).toBe(1) // nobody else's
  // The remembered outcomes of her calls (verify, requestDeletion) go at once, even while a booking must wait; nobody else's.
  expect(first.outcome!.erased).toContain('防止重复提交的操作记录 2 条')
  expect(await countOf(COLLECTIONS.requests, { openid: 'o-wang' })).toBe(0)
  expect(await countOf(COLLECTIONS.requests, { openid: 'o-zhao' })).toBeGreaterThan(0)
  expect(await countOf(COLLECTIONS.screeningBookings, { openid: 'o-wang' })).toBe(1)
  const me = okData(await invoke<MeDTO>(main, 'o-wang', 'me', {}))
  expect(me.deletion).toMatchObject({ status: 'partly', outcome: { kept: [{ what: '未就诊的筛查预约 1 条' }] } })
  expect(me.verified).toBe(false) // carried out: the link to this WeChat account went first
  expect((await emu.db.collection(COLLECTIONS.roster).doc('GH3201000456').get()).data[0]).toMatchObject({ boundOpenid: null })
  expect(okData(await invoke<DeletionRequestDTO[]>(main, 'o-officer', 'listDeletionRequests', {})).map((r) => r.status)).toEqual(['partly'])
})

it('once the booking is over, carrying it out again finishes: her account goes, the register record and audit stay', async () => {
  await emu.db.collection(COLLECTIONS.screeningBookings).doc('p2:o-wang').update({ status: 'cancelled' })
  const [req] = okData(await invoke<DeletionRequestDTO[]>(main, 'o-officer', 'listDeletionRequests', {}))
  now = T0 + 2 * 3600_000
  const done = okData(await invoke<DeletionRequestDTO>(main, 'o-officer', 'processDeletionRequest', { id: req.id }))
  expect(done.status).toBe('done')
  expect(done.outcome!.kept.map((k) => k.what)).toEqual(
    expect.arrayContaining(['工会会员名册记录（已解除与本微信账号的绑定）', '操作审计记录']),
  )
  expect(await countOf(COLLECTIONS.users, { _id: 'o-wang' })).toBe(0)
  expect(await countOf(COLLECTIONS.noticeOptins, { _id: 'o-wang' })).toBe(0)
  expect(await countOf(COLLECTIONS.screeningBookings, { openid: 'o-wang' })).toBe(0)
  expect((await emu.db.collection(COLLECTIONS.roster).doc('GH3201000456').get()).data[0]).toMatchObject({
    name: '王秀英',
    boundOpenid: null,
  })
  expect(okData(await invoke<MeDTO>(main, 'o-wang', 'me', {}))).toMatchObject({
    verified: false,
    deletion: { status: 'done', processedAt: now },
  })
  expect(okData(await invoke<DeletionRequestDTO[]>(main, 'o-officer', 'listDeletionRequests', {}))).toEqual([])
  expect(
    okData(await invoke<DeletionRequestDTO[]>(main, 'o-officer', 'listDeletionRequests', { status: 'all' })).map((r) => r.status),
  ).toEqual(['done'])
})

it('a member who unbound and verified again after asking has withdrawn: nothing of hers is erased', async () => {
  okData(await invoke(main, 'o-zhao', 'requestDeletion', {}))
  now += 1000
  okData(await invoke(main, 'o-zhao', 'unbind', {}))
  okData(await invoke(main, 'o-zhao', 'verify', { name: '赵敏', cardNo: 'GH3201000999' }))
  const [req] = okData(await invoke<DeletionRequestDTO[]>(main, 'o-officer', 'listDeletionRequests', {}))
  expect(okData(await invoke<DeletionRequestDTO>(main, 'o-officer', 'processDeletionRequest', { id: req.id }))).toMatchObject({
    status: 'withdrawn',
    outcome: { erased: [] },
  })
  expect(await countOf(COLLECTIONS.eventStamps, { openid: 'o-zhao' })).toBe(1)
  expect(okData(await invoke<MeDTO>(main, 'o-zhao', 'me', {})).verified).toBe(true)
})
