/**
 * 各级工会 (issue 20) in 工会消费券: merchants and campaigns belong to the union that signed or runs
 * them. A district officer acts only on her subtree's merchants and campaigns (and their tills), lists
 * only them; the city acts on all. A district's campaign is for its own members by default: a member
 * of another district reads why on her card, her claim is refused and nothing changes. Sub-budgets
 * name unions of the owner's subtree, and a member draws on the nearest one on her path.
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { seedMembers, seedRole } from './screening.fixtures'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { campaignInput, placeMembers, poolsOf, seedTree, vouchersHarness, vouchersOf } from './vouchers-fixtures'

jest.setTimeout(60_000)

let emu: TestEmulator
const h = vouchersHarness()

const CITY = 'v-city-officer'
const LEGACY = 'v-legacy-officer' // an officer role without a node: a city officer
const QH = 'v-qinhuai-officer' // 陈红, 秦淮区总工会
const RIDER = 'v-qh-rider' // 美团外卖秦淮站点工会
const CLERK = 'v-qh-clerk' // 苏果超市有限公司工会 (秦淮)
const TEACHER = 'v-xw-teacher' // 玄武区教育系统工会
const code = (r: { ok: boolean; code?: string }) => (r.ok ? 'OK' : r.code)

const shop = (name: string, unionId?: string) => ({ name, address: '南京市', category: '超市', ...(unionId ? { unionId } : {}) })
let qhShop = ''
let mtShop = ''
let xwShop = ''
let qhCampaign = ''
let xwCampaign = ''

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedTree(emu.db)
  await seedRole(emu.db, CITY, { role: 'officer', unionId: 'u-nanjing' })
  await seedRole(emu.db, LEGACY, { role: 'officer' })
  await seedRole(emu.db, QH, { role: 'officer', unionId: 'u-qinhuai' })
  await seedMembers(emu.db, [
    { openid: RIDER, tags: ['新就业形态'] },
    { openid: CLERK, tags: ['新就业形态'] },
    { openid: TEACHER, name: '李婷', tags: ['新就业形态'], branch: '玄武区教育系统工会' },
  ])
  await placeMembers(emu.db, { [RIDER]: 'u-qh-meituan', [CLERK]: 'u-qh-suguo', [TEACHER]: 'u-xw-school' })
  qhShop = (await h.ok(QH, 'saveMerchant', shop('苏果超市（夫子庙店）'))).id
  mtShop = (await h.ok(QH, 'saveMerchant', shop('美团站点便利店', 'u-qh-meituan'))).id
  xwShop = (await h.ok(CITY, 'saveMerchant', shop('中央商场', 'u-xuanwu'))).id
  qhCampaign = (await h.ok(QH, 'createCampaign', campaignInput([qhShop, mtShop], { name: '秦淮暖心券' }))).id
  xwCampaign = (await h.ok(CITY, 'createCampaign', campaignInput([xwShop], { name: '玄武会员券', unionId: 'u-xuanwu' }))).id
})
afterAll(() => emu.stop())

const doc = async (collection: string, id: string) =>
  ((await emu.db.collection(collection).doc(id).get()).data as Record<string, unknown>[])[0]

test('a merchant and a campaign are stamped with their owner: her node by default, or a union below it; 主办 is its name', async () => {
  expect(await doc(COLLECTIONS.voucherMerchants, qhShop)).toMatchObject({ unionId: 'u-qinhuai', unionPath: ['u-nanjing', 'u-qinhuai'] })
  expect(await doc(COLLECTIONS.voucherMerchants, mtShop)).toMatchObject({ unionId: 'u-qh-meituan', organiser: '美团外卖秦淮站点工会' })
  const qh = await doc(COLLECTIONS.voucherCampaigns, qhCampaign)
  expect(qh).toMatchObject({
    unionId: 'u-qinhuai',
    organiser: '秦淮区总工会',
    audience: { within: { unionId: 'u-qinhuai', name: '秦淮区总工会' } },
  })
  // the city's own campaign is for every member
  const city = await h.ok(LEGACY, 'createCampaign', campaignInput([qhShop], { name: '全市券' }))
  expect(city).toMatchObject({ unionId: 'u-nanjing', organiser: '南京市总工会', audience: { within: null } })
  // the signing union is fixed once saved
  const moved = await h.call(QH, 'saveMerchant', { id: mtShop, ...shop('美团站点便利店', 'u-qinhuai') })
  expect(moved).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', field: 'unionId' })
})

test('a district officer is refused every action on another district’s merchant or campaign, before anything changes', async () => {
  const refused = {
    newMerchant: await h.call(QH, 'saveMerchant', shop('玄武的店', 'u-xuanwu')),
    editMerchant: await h.call(QH, 'saveMerchant', { id: xwShop, ...shop('改名') }),
    suspend: await h.call(QH, 'setMerchantSuspended', { merchantId: xwShop, suspended: true }),
    campaignForXw: await h.call(QH, 'createCampaign', campaignInput([qhShop], { unionId: 'u-xuanwu' })),
    campaignAtXwShop: await h.call(QH, 'createCampaign', campaignInput([qhShop, xwShop])),
    draw: await h.call(QH, 'draw', { campaignId: xwCampaign }),
    dashboard: await h.call(QH, 'dashboard', { campaignId: xwCampaign }),
    exportCampaign: await h.call(QH, 'exportCampaign', { campaignId: xwCampaign }),
    // the till and statement of a shop her subtree did not sign
    todayRedemptions: await h.call(QH, 'todayRedemptions', { merchantId: xwShop }),
    statement: await h.call(QH, 'statement', { merchantId: xwShop, period: 'day', date: '2027-03-08' }),
  }
  for (const [name, r] of Object.entries(refused)) expect([name, code(r)]).toEqual([name, 'FORBIDDEN'])
  expect(await doc(COLLECTIONS.voucherMerchants, xwShop)).toMatchObject({ name: '中央商场', suspended: false })
})

test('on her own she succeeds; the city succeeds on both', async () => {
  for (const who of [QH, CITY, LEGACY]) {
    expect(code(await h.call(who, 'setMerchantSuspended', { merchantId: mtShop, suspended: false }))).toBe('OK')
    expect(code(await h.call(who, 'dashboard', { campaignId: qhCampaign }))).toBe('OK')
    expect(code(await h.call(who, 'exportCampaign', { campaignId: qhCampaign }))).toBe('OK')
    expect(code(await h.call(who, 'todayRedemptions', { merchantId: mtShop }))).toBe('OK')
    // not a 抽签: the action itself answers, not the auth check
    expect(code(await h.call(who, 'draw', { campaignId: qhCampaign }))).toBe('NOT_FOUND')
  }
  for (const who of [CITY, LEGACY]) {
    expect(code(await h.call(who, 'dashboard', { campaignId: xwCampaign }))).toBe('OK')
    expect(code(await h.call(who, 'setMerchantSuspended', { merchantId: xwShop, suspended: false }))).toBe('OK')
  }
})

test('her lists, figures and statements hold only her subtree’s merchants and campaigns; the city’s hold all', async () => {
  const ids = (rows: { id?: string; merchantId?: string }[]) => rows.map((r) => r.id ?? r.merchantId).sort()
  expect(ids(await h.ok(QH, 'listMerchants'))).toEqual([qhShop, mtShop].sort())
  expect(ids(await h.ok(QH, 'merchantStatements', { period: 'month', date: '2027-03-08' }))).toEqual([qhShop, mtShop].sort())
  const mine = await h.ok(QH, 'listCampaigns')
  expect(mine.map((c: { id: string }) => c.id)).toEqual([qhCampaign])
  expect(mine[0]).toMatchObject({ organiser: '秦淮区总工会', unionId: 'u-qinhuai' })
  expect(ids(await h.ok(CITY, 'listMerchants'))).toEqual(expect.arrayContaining([qhShop, mtShop, xwShop]))
  expect((await h.ok(CITY, 'listCampaigns')).map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([qhCampaign, xwCampaign]))
  const rows = (await h.ok(LEGACY, 'listMerchants')) as { id: string; organiser: string }[]
  expect(rows.find((m) => m.id === xwShop)).toMatchObject({ organiser: '玄武区总工会' })
})

test('a district campaign is her district’s members’: a member of another district reads why, her claim is refused and nothing changes', async () => {
  const card = (await h.ok(TEACHER, 'centre')).find((x: { campaign: { id: string } }) => x.campaign.id === qhCampaign)
  expect(card).toMatchObject({
    state: 'not_eligible',
    reason: expect.stringContaining('仅限秦淮区总工会所属会员'),
    campaign: { organiser: '秦淮区总工会' },
  })
  const before = await poolsOf(emu.db, qhCampaign)
  const refused = await h.call(TEACHER, 'claim', { campaignId: qhCampaign })
  expect(refused).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', message: expect.stringContaining('秦淮区总工会') })
  expect(await poolsOf(emu.db, qhCampaign)).toEqual(before)
  expect((await vouchersOf(emu.db, qhCampaign)).filter((v) => v.openid === TEACHER)).toEqual([])
  // her own district's campaign is hers; 秦淮's member claims 秦淮's
  expect(code(await h.call(TEACHER, 'claim', { campaignId: xwCampaign }))).toBe('OK')
  const mine = (await h.ok(RIDER, 'centre')).find((x: { campaign: { id: string } }) => x.campaign.id === qhCampaign)
  expect(mine).toMatchObject({ state: 'claimable', reason: null, campaign: { organiser: '秦淮区总工会' } })
  expect(code(await h.call(RIDER, 'claim', { campaignId: qhCampaign }))).toBe('OK')
})

test('sub-budgets follow the tree: any union of the owner’s subtree, the nearest on her path; one outside is refused with its field', async () => {
  const split = campaignInput([qhShop], {
    name: '分配到基层',
    totalVouchers: 3,
    budgetFen: 6000,
    rule: { kind: 'fixed', amountFen: 2000 },
    subBudgets: [
      { unionId: 'u-qh-meituan', vouchers: 1, budgetFen: 2000 },
      { unionId: 'u-qinhuai', vouchers: 2, budgetFen: 4000 },
    ],
  })
  const c = await h.ok(QH, 'createCampaign', split)
  expect(c.subBudgets.map((s: { unionId: string; name: string }) => [s.unionId, s.name])).toEqual([
    ['u-qh-meituan', '美团外卖秦淮站点工会'],
    ['u-qinhuai', '秦淮区总工会'],
  ])
  expect(code(await h.call(RIDER, 'claim', { campaignId: c.id }))).toBe('OK') // 美团's own share
  expect(code(await h.call(CLERK, 'claim', { campaignId: c.id }))).toBe('OK') // 苏果 has none: 秦淮's
  const pools = await poolsOf(emu.db, c.id)
  expect(pools.map((p) => [p.unionId, p.left]).sort()).toEqual([
    ['u-qh-meituan', 0],
    ['u-qinhuai', 1],
  ])
  const outside = await h.call(QH, 'createCampaign', { ...split, subBudgets: [{ unionId: 'u-xuanwu', vouchers: 3, budgetFen: 6000 }] })
  expect(outside).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', field: 'subBudgets.0.unionId' })
  // nor may the city's own campaign name a union that does not exist
  const unknown = await h.call(CITY, 'createCampaign', { ...split, subBudgets: [{ unionId: 'u-nowhere', vouchers: 3, budgetFen: 6000 }] })
  expect(unknown).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', field: 'subBudgets.0.unionId' })
})
