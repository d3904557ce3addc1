/** The demo seed: the 七夕 mixer yields its 7 pairs at the deadline; 南京市总工会's 20 mixers; the demo singles can sign up; idempotent. */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { createMatchmakingFunction } from '../../cloudfunctions/matchmaking/index'
import { seed } from '../../tools/seed/seed'
import { QIXI_ID, SEEDED_PAIRS, YEAR_PROGRAMME } from '../../tools/seed/matchmaking.seed'
import { SINGLE_STATEMENT } from '~types/matchmaking'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'

const T0 = Date.UTC(2027, 7, 19, 11, 0) // 19:00 Beijing
let now = T0
const main = createMatchmakingFunction({ clock: () => now })
let emu: TestEmulator

beforeAll(async () => {
  emu = await startTestEmulator()
  await seed(emu.db, T0)
}, 120_000)
afterAll(() => emu.stop())

it('seeds 234 checked-in attendees and 南京市总工会 20 mixers; a second run inserts nothing', async () => {
  const fig = okData(await invoke(main, 'demo-officer', 'figures', { mixerId: QIXI_ID }))
  expect(fig.checkedIn).toEqual({ M: 117, F: 117 })
  const year = okData(await invoke(main, 'demo-officer', 'programme', { programme: YEAR_PROGRAMME }))
  expect(year.mixers).toHaveLength(20)
  const again = await seed(emu.db, T0)
  expect(again.steps.find((s) => s.name === 'matchmaking')!.inserted).toBe(0)
  const staff = okData(await invoke(main, 'demo-event-staff', 'staffMixers', {}))
  expect(staff.map((s: { mixer: { id: string }; checkedIn: unknown }) => [s.mixer.id, s.checkedIn])).toEqual([
    [QIXI_ID, { M: 117, F: 117 }],
  ])
}, 60_000)

it('秦淮区总工会’s 七夕 mixer: its members make a profile, sign the statement and sign up; a member of another district reads why not', async () => {
  // 陈静 (苏果超市有限公司工会) and 赵敏 (市妇幼保健院工会) are 秦淮's (issue 20: the mixer is for its owner's members)
  for (const who of ['demo-cashier', 'demo-nurse']) {
    okData(
      await invoke(main, who, 'saveProfile', {
        nickname: who === 'demo-cashier' ? '静静' : '小敏',
        sector: '企业',
        intro: '喜欢爬山',
      }),
    )
    okData(await invoke(main, who, 'signStatement', { version: SINGLE_STATEMENT.version }))
    expect(okData(await invoke(main, who, 'signUp', { mixerId: QIXI_ID })).status).toBe('review')
  }
  const card = okData(await invoke(main, 'demo-model-worker', 'getMixer', { mixerId: QIXI_ID })) // 张建国, 江宁
  expect(card.mixer.organiser).toBe('秦淮区总工会')
  expect(card.eligibility.reasons).toContainEqual(expect.stringContaining('仅限秦淮区总工会所属会员'))
})

it("at the deadline the seeded picks give the story's 7 pairs", async () => {
  now = T0 + 3 * 3_600_000 + 60_000
  okData(await invoke(main, 'demo-officer', 'sweep', {}))
  expect(okData(await invoke(main, 'demo-officer', 'figures', { mixerId: QIXI_ID })).pairs).toBe(SEEDED_PAIRS)
  expect((await emu.db.collection(COLLECTIONS.mixerPicks).where({ mixerId: QIXI_ID }).count()).total).toBe(0)
})
