/**
 * The demo is one union in one city (issue 19 defect 17): what the seed stores for every service names 南京's
 * unions, shops and venues, never the cities the stories came from; and a mixer's description never states a
 * time its own fields do not hold (defect 14).
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { readAll } from '../../cloudfunctions/common/paginate'
import { shanghai } from '../../cloudfunctions/common/time'
import type { MixerDoc } from '../../cloudfunctions/matchmaking/matchmaking.docs'
import type { MerchantDoc } from '../../cloudfunctions/vouchers/vouchers.docs'
import { DEMO_IDENTITIES } from '../../tools/seed/demo-identities'
import { seed, SERVICE_STEPS } from '../../tools/seed/seed'
import { startTestEmulator, type TestEmulator } from '../support/emulator'

const T0 = Date.UTC(2027, 7, 19, 11, 0) // 19:00 Beijing
const OTHER_PLACES = [
  ...['焦作', '山阳', '晋中', '榆次', '平遥', '武平', '龙岩', '运城', '盐湖', '稷山', '大连', '长春', '潍坊', '宁夏'],
  ...['恩州驿', '云台山', '太行', '福建', '山西', '辽宁', '吉林', '山东', '河南', '闽宁'],
]
let emu: TestEmulator

beforeAll(async () => {
  emu = await startTestEmulator()
  await seed(emu.db, T0)
}, 120_000)
afterAll(() => emu.stop())

const all = <T>(name: string) => readAll<T>(emu.db.collection(name).where({}))
const elsewhere = (text: string) => OTHER_PLACES.filter((p) => text.includes(p))

it.each([
  COLLECTIONS.mixers,
  COLLECTIONS.voucherCampaigns,
  COLLECTIONS.voucherMerchants,
  COLLECTIONS.events,
  COLLECTIONS.eventBooths,
  COLLECTIONS.screeningProgrammes,
  COLLECTIONS.screeningSites,
  COLLECTIONS.roster,
])('no seeded %s names a city other than 南京', async (name) => {
  const docs = await all<{ _id: string }>(name)
  expect(docs.length).toBeGreaterThan(0)
  expect(docs.map((d) => [d._id, elsewhere(JSON.stringify(d))]).filter(([, found]) => found.length)).toEqual([])
})

it('every shop and every venue is in 南京; the demo people and the seed summary say so too', async () => {
  expect((await all<MerchantDoc>(COLLECTIONS.voucherMerchants)).filter((m) => !m.address.startsWith('南京市'))).toEqual([])
  const events = await all<{ venue: { city: string } }>(COLLECTIONS.events)
  expect(events.map((e) => e.venue.city)).toEqual(events.map(() => '南京市'))
  const texts = [...DEMO_IDENTITIES.map((d) => d.description), ...SERVICE_STEPS.map((s) => s.label)]
  expect(texts.filter((t) => elsewhere(t).length)).toEqual([])
})

it("a mixer's description names no time but its own fields' (the app shows those)", async () => {
  const mixers = await all<MixerDoc>(COLLECTIONS.mixers)
  const stray = mixers.flatMap((m) => {
    const fields = [m.startsAt, m.endsAt, m.signupOpensAt, m.signupClosesAt, m.pickOpensAt, m.pickClosesAt]
    const told = new Set(fields.flatMap((t) => [shanghai(t, 'HH:mm'), shanghai(t, 'M月D日 HH:mm')]))
    const said = m.description.match(/(\d{1,2}月\d{1,2}日\s*)?\d{1,2}:\d{2}/g) ?? []
    return said.filter((s) => !told.has(s.replace(/日\s*/, '日 '))).map((s) => `${m._id}: ${s}`)
  })
  expect(stray).toEqual([])
  const qixi = mixers.find((m) => m.title.includes('七夕'))!
  expect(qixi.description).toContain(shanghai(qixi.pickOpensAt, 'M月D日 HH:mm'))
})
