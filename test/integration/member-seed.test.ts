import { createMemberFunction } from '../../cloudfunctions/member/index'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { DEMO_IDENTITIES } from '../../tools/seed/demo-identities'
import { seed } from '../../tools/seed/seed'
import { grassrootsUnits } from '../../tools/seed/union-structure'
import type { MeDTO } from '~types/member'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'

/** The demo seed: a believable union, idempotent, and the demo member can verify after it. */
let emu: TestEmulator
const now = Date.UTC(2026, 10, 23, 3, 0)
const main = createMemberFunction({ clock: () => now })

async function dump(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const name of Object.values(COLLECTIONS)) {
    const docs: unknown[] = []
    for (let skip = 0; ; skip += 1000) {
      const page = (await emu.db.collection(name).orderBy('_id', 'asc').skip(skip).limit(1000).get()).data
      docs.push(...page)
      if (page.length < 1000) break
    }
    out[name] = docs
  }
  return out
}

// The whole demo seed (every service's) runs several times: well past jest's 5 s on a shared machine.
jest.setTimeout(60_000)

beforeAll(async () => {
  emu = await startTestEmulator()
  // Every collection exists from the start, so a dump reads them all and a read error is a failure.
  for (const name of Object.values(COLLECTIONS)) await emu.db.createCollection(name)
})
afterAll(() => emu.stop())

it('loads about 300 members across the union, with model workers and new-employment women', async () => {
  const summary = await seed(emu.db, now)
  expect(summary.steps.map((s) => s.name).slice(0, 3)).toEqual(['unions', 'roster', 'demo-accounts']) // service steps follow
  const { [COLLECTIONS.roster]: roster } = (await dump()) as Record<
    string,
    { tags: string[]; gender: string; branch: string; boundOpenid: string | null }[]
  >
  // member's own steps are deterministic: 294 generated members, then the demo identities.
  // the tree first (issue 20): the city, 4 district federations, 12 grassroots unions (2 of them 直属, right under the city)
  // then 11 demo records and 10 accounts (not the unverified member's)
  expect(summary.steps.slice(0, 3).map((s) => s.inserted)).toEqual([17, 294, 21])
  // Other services' seeds add their own people (会聚良缘's singles): at least member's.
  expect(roster.length).toBeGreaterThanOrEqual(303)
  expect(roster.filter((r) => r.tags.includes('劳模')).length).toBeGreaterThanOrEqual(16)
  expect(roster.filter((r) => r.gender === 'F' && r.tags.includes('新就业形态')).length).toBeGreaterThanOrEqual(84)
  // Every member belongs to one of the demo city's grassroots unions, and every one of them has members.
  expect(new Set(roster.map((r) => r.branch))).toEqual(new Set(grassrootsUnits().map((u) => u.name)))
})

it('changes nothing in any collection when run again', async () => {
  const before = await dump()
  const summary = await seed(emu.db, now)
  expect(summary.steps.filter((s) => s.inserted !== null && s.inserted !== 0)).toEqual([])
  expect(await dump()).toEqual(before)
})

it('adds no members or accounts when run again a day later', async () => {
  const before = await dump()
  const summary = await seed(emu.db, now + 86_400_000)
  expect(summary.steps.slice(0, 3).map((s) => s.inserted)).toEqual([0, 0, 0])
  const after = await dump()
  expect([after[COLLECTIONS.roster], after[COLLECTIONS.users]]).toEqual([before[COLLECTIONS.roster], before[COLLECTIONS.users]])
})

it('gives every demo identity its state: the member unverified, the others verified with their roles', async () => {
  const states = await Promise.all(
    DEMO_IDENTITIES.map(async (d) => [d.openid, okData(await invoke<MeDTO>(main, d.openid, 'me', {}))] as const),
  )
  const byId = Object.fromEntries(states)
  expect(byId['demo-member']).toMatchObject({ verified: false, roles: [] })
  for (const id of [
    'demo-model-worker',
    'demo-rider',
    'demo-cashier',
    'demo-event-staff',
    'demo-nurse',
    'demo-officer',
    'demo-district-officer',
  ])
    expect(byId[id].verified).toBe(true)
  expect(byId['demo-rider'].profile).toMatchObject({ name: '王秀英', gender: 'F', tags: expect.arrayContaining(['新就业形态', '女职工']) })
  expect(byId['demo-model-worker'].profile?.tags).toContain('劳模')
  expect(byId['demo-cashier'].roles).toContainEqual({
    role: 'staff',
    scope: expect.objectContaining({ kind: 'merchant', id: 'merchant-suguo-xjk' }),
  })
  expect(byId['demo-event-staff'].roles).toContainEqual({
    role: 'staff',
    scope: expect.objectContaining({ kind: 'event', id: 'event-fair-2027' }),
  })
  expect(byId['demo-nurse'].roles).toContainEqual({ role: 'staff', scope: expect.objectContaining({ kind: 'site', id: 'site-fuyou' }) })
  // issue 20: the city officer, a district officer (秦淮) and a grassroots one (美团外卖秦淮站点)
  const officerOf = (id: string) => byId[id].roles.find((r) => r.role === 'officer')
  expect(officerOf('demo-officer')).toEqual({
    role: 'officer',
    union: { unionId: 'u-nanjing', name: '南京市总工会', level: 'city', all: true },
  })
  expect(officerOf('demo-district-officer')).toMatchObject({ union: { unionId: 'u-qinhuai', name: '秦淮区总工会', all: false } })
  expect(officerOf('demo-grassroots-officer')).toMatchObject({ union: { unionId: 'u-qh-meituan', level: 'grassroots' } })
})

it('lets the demo member verify with the hint shown at sign-in, and a re-seed keeps him verified', async () => {
  const hint = DEMO_IDENTITIES.find((d) => d.openid === 'demo-member')!.verifyHint!
  expect(await invoke(main, 'demo-member', 'verify', { name: hint.name, cardNo: 'GH3201000124' })).toMatchObject({
    ok: false,
    code: 'VERIFY_MISMATCH',
  })
  expect(okData(await invoke<MeDTO>(main, 'demo-member', 'verify', { name: hint.name, cardNo: hint.cardNo })).profile).toMatchObject({
    name: '李明',
    phone: hint.phone,
  })
  await seed(emu.db, now)
  expect(okData(await invoke<MeDTO>(main, 'demo-member', 'me', {})).verified).toBe(true)
  const officerView = okData(await invoke(main, 'demo-officer', 'listRoster', { q: 'GH3201000123' }))
  expect(officerView).toMatchObject({ total: 1, items: [{ name: '李*', phone: '138****0123', bound: true }] })
  // 李明 works for the metro (directly under the city): 秦淮's officers do not find him; 陈红 finds 马骏 of her district
  expect(okData(await invoke(main, 'demo-district-officer', 'listRoster', { q: 'GH3201000123' }))).toMatchObject({ total: 0 })
  expect(okData(await invoke(main, 'demo-district-officer', 'listRoster', { q: 'GH3201000110' }))).toMatchObject({ total: 1 })
  expect(okData(await invoke(main, 'demo-grassroots-officer', 'listRoster', { q: 'GH3201000109' }))).toMatchObject({ total: 0 })
})
