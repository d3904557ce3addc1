import { createHash } from 'node:crypto'
import { seedMembers } from './screening.fixtures'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { campaignInput, HOUR, merchant, placeMembers, poolsOf, seedTree, setUpOfficer, T0, vouchersHarness } from './vouchers-fixtures'

let emu: TestEmulator
const h = vouchersHarness()
let shop: string
const ENTRANTS = Array.from({ length: 30 }, (_x, i) => `e${i}`)
const fail = (r: { ok: boolean }) => (r.ok ? 'OK' : (r as unknown as { code: string }).code)

beforeAll(async () => {
  emu = await startTestEmulator()
  await setUpOfficer(emu.db)
  await seedMembers(emu.db, [
    ...ENTRANTS.map((openid) => ({ openid })),
    { openid: 'mw', name: '张建国', tags: ['劳模'], branch: '江宁开发区工会' },
    { openid: 'rider', tags: ['新就业形态'], branch: '美团外卖骑手联合工会' },
    { openid: 'other', tags: [], branch: '鼓楼区机关工会' },
  ])
  await seedTree(emu.db)
  await placeMembers(emu.db, { mw: 'u-jn-auto', rider: 'u-qh-meituan', other: 'u-gl-sf' })
  shop = await merchant(h, '紫峰购物广场')
}, 60_000)
afterAll(() => emu.stop())

it('抽签: members enter, the seeded draw picks ⌊total/perMember⌋, anyone can recompute it from the seed and the published list', async () => {
  h.clock.now = T0
  const c = await h.ok(
    'officer',
    'createCampaign',
    campaignInput([shop], {
      mode: 'lottery',
      drawAt: T0 + 2 * HOUR,
      totalVouchers: 10,
      rule: { kind: 'fixed', amountFen: 2000 },
      budgetFen: 20_000,
    }),
  )
  expect(fail(await h.call(ENTRANTS[0], 'claim', { campaignId: c.id }))).toBe('DRAW_ONLY')
  const refs: string[] = []
  for (const o of ENTRANTS) refs.push((await h.ok(o, 'enterDraw', { campaignId: c.id })).entryRef)
  expect(fail(await h.call(ENTRANTS[0], 'enterDraw', { campaignId: c.id }))).toBe('ALREADY_ENTERED')
  // While it is open the dashboard counts who has entered (nothing is claimed yet).
  expect(await h.ok('officer', 'dashboard', { campaignId: c.id })).toMatchObject({ claimed: 0, entrants: 30, drawAt: T0 + 2 * HOUR })
  expect(fail(await h.call('officer', 'draw', { campaignId: c.id, seed: 'seed-2027' }))).toBe('DRAW_NOT_DUE')
  h.clock.now = T0 + 2 * HOUR
  const d = await h.ok('officer', 'draw', { campaignId: c.id, seed: 'seed-2027' })
  expect(d).toMatchObject({ seed: 'seed-2027', entrants: 30, winners: 10 })
  expect((await h.ok('officer', 'dashboard', { campaignId: c.id })).entrants).toBeNull() // drawn: the draw card says it
  const sha = (s: string) => createHash('sha256').update(s).digest('hex')
  expect(d.entriesDigest).toBe(sha([...refs].sort().join('\n')))
  const expected = new Set([...refs].sort((a, b) => (sha(`seed-2027:${a}`) < sha(`seed-2027:${b}`) ? -1 : 1)).slice(0, 10))
  const outcomes = await Promise.all(ENTRANTS.map((o) => h.call(o, 'claim', { campaignId: c.id })))
  const won = ENTRANTS.filter((_o, i) => outcomes[i].ok)
  expect(new Set(won.map((o) => refs[ENTRANTS.indexOf(o)]))).toEqual(expected)
  expect(outcomes.filter((r) => !r.ok).every((r) => fail(r) === 'NOT_DRAWN')).toBe(true)
  const card = (await h.ok(ENTRANTS[0], 'centre')).find((x: { campaign: { id: string } }) => x.campaign.id === c.id)
  expect(card.draw).toMatchObject({ seed: 'seed-2027', entrants: 30 })
  expect(fail(await h.call('officer', 'draw', { campaignId: c.id }))).toBe('ALREADY_DRAWN')
  h.clock.now = T0
}, 60_000)

it('audience: a 劳模-only campaign says why to others; sub-budgets per union of the tree bound each union', async () => {
  const c = await h.ok('officer', 'createCampaign', campaignInput([shop], { audience: { tagsAny: ['劳模'], branches: [] } }))
  const refused = await h.call('rider', 'claim', { campaignId: c.id })
  expect(refused).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE', message: expect.stringContaining('仅限劳模会员参加') })
  const card = (await h.ok('rider', 'centre')).find((x: { campaign: { id: string } }) => x.campaign.id === c.id)
  expect(card).toMatchObject({ state: 'not_eligible', reason: expect.stringContaining('劳模') })
  expect(fail(await h.call('mw', 'claim', { campaignId: c.id }))).toBe('OK')

  const split = await h.ok(
    'officer',
    'createCampaign',
    campaignInput([shop], {
      totalVouchers: 3,
      budgetFen: 6000,
      rule: { kind: 'fixed', amountFen: 2000 },
      subBudgets: [
        // a grassroots unit's share, and a district's (its units draw on it: the nearest union on their path)
        { unionId: 'u-qh-meituan', vouchers: 1, budgetFen: 2000 },
        { unionId: 'u-jiangning', vouchers: 2, budgetFen: 4000 },
      ],
    }),
  )
  expect(fail(await h.call('rider', 'claim', { campaignId: split.id }))).toBe('OK')
  expect(fail(await h.call('mw', 'claim', { campaignId: split.id }))).toBe('OK') // 江宁开发区 → 江宁区总工会's share
  expect(fail(await h.call('other', 'claim', { campaignId: split.id }))).toBe('NOT_ELIGIBLE')
  expect(split.subBudgets.map((s: { name: string }) => s.name)).toEqual(['美团外卖秦淮站点工会', '江宁区总工会'])
  const pools = await poolsOf(emu.db, split.id)
  expect(pools.map((p) => [p.branch, p.left, p.budgetLeft]).sort()).toEqual([
    ['江宁区总工会', 1, 2000],
    ['美团外卖秦淮站点工会', 0, 0],
  ])
  const bad = await h.call(
    'officer',
    'createCampaign',
    campaignInput([shop], { totalVouchers: 3, budgetFen: 6000, subBudgets: [{ unionId: 'u-qh-meituan', vouchers: 1, budgetFen: 100 }] }),
  )
  expect(bad).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', field: 'subBudgets' })
}, 60_000)
