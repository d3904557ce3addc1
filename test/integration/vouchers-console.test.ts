/**
 * The officers' console on vouchers (issue 18): the 批次 and 商户 tables paged, filtered and sorted by the
 * function on declared indexes (notablescan on: each collection holds more than its threshold), narrowed to
 * her subtree; and a merchant manager's dispute answered once by an officer of the union that signed it.
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { pathOf } from '../../tools/seed/union-structure'
import type { CampaignDTO, DisputeRowDTO, MerchantDTO, StatementDTO } from '~types/vouchers'
import type { TablePage } from '~types/table'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { okData } from '../support/invoke'
import { seedRole } from './screening.fixtures'
import { campaignInput, HOUR, seedTree, staffScope, T0, vouchersHarness } from './vouchers-fixtures'

let emu: TestEmulator
const h = vouchersHarness()
const CITY = 'city-officer'
const QH = 'qh-officer'
const XW = 'xw-officer'
const MGR = 'qh-manager'
const OWNERS = [
  { unionId: 'u-qinhuai', unionPath: ['u-nanjing', 'u-qinhuai'], organiser: '秦淮区总工会' },
  { unionId: 'u-xw-eleme', unionPath: pathOf('u-xw-eleme'), organiser: '饿了么玄武站点工会' },
  { unionId: 'u-nanjing', unionPath: ['u-nanjing'], organiser: '南京市总工会' },
]
const N = 30
/** Claim windows: i % 3 = 0 ended, 1 claiming, 2 upcoming (at T0). */
const window = (i: number) => [T0 - 48 * HOUR, T0 - HOUR, T0 + HOUR][i % 3]

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedTree(emu.db)
  await seedRole(emu.db, CITY, { role: 'officer' })
  await seedRole(emu.db, QH, { role: 'officer', unionId: 'u-qinhuai' } as never)
  await seedRole(emu.db, XW, { role: 'officer', unionId: 'u-xuanwu' } as never)
  await seedRole(emu.db, MGR, staffScope('m-00', true))
  // owners rotate by i % 3 and windows by i % 3 too, shifted, so every owner has every state
  await emu.db.collection(COLLECTIONS.voucherMerchants).add(
    Array.from({ length: N }, (_x, i) => ({
      _id: `m-${String(i).padStart(2, '0')}`,
      name: `${['苏果', '金鹰', '大润发'][i % 3]}${String(i).padStart(2, '0')}`,
      address: '南京市',
      category: i % 2 ? '餐饮' : '超市',
      suspended: i % 4 === 0,
      createdAt: T0 - (N - i) * HOUR,
      updatedAt: T0,
      ...OWNERS[i % 3],
    })),
  )
  await emu.db.collection(COLLECTIONS.voucherCampaigns).add(
    Array.from({ length: N }, (_x, i) => {
      const { merchantIds: _m, ...input } = campaignInput(['m-00'], { name: `${i % 2 ? '春季' : '秋季'}券${i}` })
      const starts = window(Math.floor(i / 3) + i)
      return {
        ...input,
        merchantIds: ['m-00'],
        _id: `c-${String(i).padStart(2, '0')}`,
        claimStartsAt: starts,
        claimEndsAt: starts + 24 * HOUR,
        createdAt: T0 - i * HOUR,
        createdBy: CITY,
        draw: null,
        drawAt: null,
        ...OWNERS[i % 3],
      }
    }),
  )
  // other merchants' statements, so the dispute table's query must find its index
  await emu.db.collection(COLLECTIONS.voucherStatements).add(
    Array.from({ length: 25 }, (_x, i) => ({
      _id: `m-${String(i + 1).padStart(2, '0')}:day:2027-03-01`,
      merchantId: `m-${String(i + 1).padStart(2, '0')}`,
      period: 'day',
      date: '2027-03-01',
      state: 'confirmed',
      digest: '0'.repeat(64),
      dispute: null,
      disputeState: null,
      unionPath: OWNERS[(i + 1) % 3].unionPath,
      by: 'x',
      at: T0,
    })),
  )
})
afterAll(() => emu.stop())

const ids = (p: TablePage<{ id: string }>) => p.items.map((r) => r.id)

test("the 批次 table pages her subtree's campaigns with the total, newest first; the city's holds every one", async () => {
  const seen: string[] = []
  for (let page = 0; page < 2; page++) {
    const p = await h.ok<TablePage<CampaignDTO>>(QH, 'campaignTable', { page, pageSize: 10 })
    expect(p.total).toBe(N / 3)
    expect(p.items.every((c) => c.unionId === 'u-qinhuai')).toBe(true)
    seen.push(...ids(p))
  }
  expect(seen).toHaveLength(N / 3)
  expect(seen).toEqual([...seen].sort()) // createdAt descending = id ascending here
  expect((await h.ok<TablePage<CampaignDTO>>(CITY, 'campaignTable', {})).total).toBe(N)
  // the mini-program's whole list is unchanged
  expect((await h.ok<CampaignDTO[]>(QH, 'listCampaigns', {})).map((c) => c.id).sort()).toEqual(seen)
})

test('the 批次 table filters by state, 主办 and a name prefix, and sorts by the claim start', async () => {
  for (const who of [CITY, QH]) {
    const all = (await h.ok<TablePage<CampaignDTO>>(who, 'campaignTable', { pageSize: 100 })).items
    for (const state of ['upcoming', 'claiming', 'ended'] as const) {
      const want = all.filter((c) =>
        state === 'upcoming' ? c.claimStartsAt > T0 : state === 'ended' ? c.claimEndsAt <= T0 : c.claimStartsAt <= T0 && c.claimEndsAt > T0,
      )
      const p = await h.ok<TablePage<CampaignDTO>>(who, 'campaignTable', { state, pageSize: 100 })
      expect({ who, state, ids: ids(p).sort() }).toEqual({ who, state, ids: want.map((c) => c.id).sort() })
      expect(want.length).toBeGreaterThan(0)
    }
  }
  const xw = await h.ok<TablePage<CampaignDTO>>(CITY, 'campaignTable', { unionId: 'u-xuanwu', pageSize: 100 })
  expect(xw.total).toBe(N / 3)
  expect(xw.items.every((c) => c.unionId === 'u-xw-eleme')).toBe(true)
  expect(await h.call(QH, 'campaignTable', { unionId: 'u-xuanwu' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  const spring = await h.ok<TablePage<CampaignDTO>>(CITY, 'campaignTable', { name: '春季', pageSize: 100 })
  expect(spring.total).toBe(N / 2)
  expect((await h.ok<TablePage<CampaignDTO>>(CITY, 'campaignTable', { name: '春季券1', pageSize: 100 })).total).toBe(6) // 1, 11, 13…19
  expect((await h.ok<TablePage<CampaignDTO>>(CITY, 'campaignTable', { name: '.*' })).total).toBe(0) // literal, not a pattern
  const byStart = await h.ok<TablePage<CampaignDTO>>(CITY, 'campaignTable', {
    pageSize: 100,
    sort: { field: 'claimStartsAt', order: 'asc' },
  })
  const starts = byStart.items.map((c) => c.claimStartsAt)
  expect(starts).toEqual([...starts].sort((a, b) => a - b))
  expect(await h.call(CITY, 'campaignTable', { sort: { field: 'budgetFen', order: 'asc' } })).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
  })
  expect(await h.call(MGR, 'campaignTable', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
})

test('the 商户 table filters by 暂停, category and name, sorts by name, and keeps to her subtree', async () => {
  const hers = await h.ok<TablePage<MerchantDTO>>(QH, 'merchantTable', { pageSize: 100 })
  expect(hers.total).toBe(N / 3)
  expect(hers.items.every((m) => m.unionId === 'u-qinhuai')).toBe(true)
  const suspended = await h.ok<TablePage<MerchantDTO>>(CITY, 'merchantTable', { suspended: true, pageSize: 100 })
  expect(ids(suspended).sort()).toEqual(['m-00', 'm-04', 'm-08', 'm-12', 'm-16', 'm-20', 'm-24', 'm-28'])
  const food = await h.ok<TablePage<MerchantDTO>>(CITY, 'merchantTable', { category: '餐饮', suspended: false })
  expect(food.total).toBe(15)
  expect(food.items.every((m) => m.category === '餐饮' && !m.suspended)).toBe(true)
  expect((await h.ok<TablePage<MerchantDTO>>(QH, 'merchantTable', { name: '苏果' })).total).toBe(N / 3)
  const byName = await h.ok<TablePage<MerchantDTO>>(CITY, 'merchantTable', { pageSize: 100, sort: { field: 'name', order: 'desc' } })
  const names = byName.items.map((m) => m.name)
  expect(names).toEqual([...names].sort().reverse())
  expect((await h.ok<MerchantDTO[]>(QH, 'listMerchants', {})).length).toBe(N / 3)
})

test('a dispute is answered once by an officer of the union that signed the merchant; its manager reads the answer', async () => {
  const at = { merchantId: 'm-00', period: 'day', date: '2027-03-08' }
  expect(await h.call(QH, 'answerDispute', { ...at, decision: 'rejected', note: '无' })).toMatchObject({ ok: false, code: 'NOT_DISPUTED' })
  okData(await h.call(MGR, 'disputeStatement', { ...at, note: '有一笔已退款的消费' }))
  const open = await h.ok<TablePage<DisputeRowDTO>>(QH, 'disputeTable', {})
  expect(open.items).toEqual([
    expect.objectContaining({ merchantId: 'm-00', merchantName: '苏果00', note: '有一笔已退款的消费', answer: null, date: '2027-03-08' }),
  ])
  expect((await h.ok<TablePage<DisputeRowDTO>>(XW, 'disputeTable', {})).total).toBe(0)
  expect((await h.ok<TablePage<DisputeRowDTO>>(CITY, 'disputeTable', {})).total).toBe(1)

  expect(await h.call(XW, 'answerDispute', { ...at, decision: 'accepted', note: '同意' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(await h.call(QH, 'answerDispute', { ...at, decision: 'rejected', note: '  ' })).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
    field: 'note',
  })
  const first = await h.call<StatementDTO>(QH, 'answerDispute', { ...at, decision: 'rejected', note: '系统记录无退款' }, 'answer-1')
  const again = await h.call<StatementDTO>(QH, 'answerDispute', { ...at, decision: 'rejected', note: '系统记录无退款' }, 'answer-1')
  expect(again).toEqual(first) // a retry answers the first outcome
  const answer = { decision: 'rejected', note: '系统记录无退款', organiser: '秦淮区总工会', at: T0 }
  expect(okData(first).dispute).toEqual({ rowId: null, note: '有一笔已退款的消费', at: T0, answer })
  expect(await h.call(CITY, 'answerDispute', { ...at, decision: 'accepted', note: '改为接受' })).toMatchObject({
    ok: false,
    code: 'DISPUTE_ANSWERED',
  })
  expect((await h.ok<StatementDTO>(MGR, 'statement', at)).dispute?.answer).toEqual(answer)
  expect((await h.ok<TablePage<DisputeRowDTO>>(QH, 'disputeTable', {})).total).toBe(0)
  expect((await h.ok<TablePage<DisputeRowDTO>>(QH, 'disputeTable', { state: 'answered' })).items[0].answer).toEqual(answer)
  const audit = (await emu.db.collection(COLLECTIONS.auditLog).where({ actor: QH }).get()).data as { action: string }[]
  expect(audit.filter((a) => a.action === 'officer.vouchers.answerDispute')).toHaveLength(1)

  // she disputes again: a new round, open to a new answer
  okData(await h.call(MGR, 'disputeStatement', { ...at, note: '仍有异议，附退款凭证' }))
  expect((await h.ok<StatementDTO>(MGR, 'statement', at)).dispute).toMatchObject({ note: '仍有异议，附退款凭证', answer: null })
  const accepted = await h.ok<StatementDTO>(CITY, 'answerDispute', { ...at, decision: 'accepted', note: '已核实，下期补差' })
  expect(accepted.dispute?.answer).toMatchObject({ decision: 'accepted', organiser: '南京市总工会' })
})
