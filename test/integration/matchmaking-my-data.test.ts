/**
 * Matchmaking's part of the member's own data: export names fields only (no tokens, keys or openids), her match notice and
 * opt-ins included; erasure clears her side and her notices.
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { createMatchmakingFunction } from '../../cloudfunctions/matchmaking/index'
import { matchmakingData } from '../../cloudfunctions/matchmaking/my-data.provider'
import { localTemplateId } from '~types/notice-templates'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import {
  checkIn,
  HOUR,
  mixerRequest,
  OFFICER,
  prepare,
  seedEventStaff,
  seedOfficer,
  seedPeople,
  submissionFor,
  type Person,
} from './matchmaking-fixtures'

const T0 = Date.UTC(2027, 7, 8, 2, 0)
let now = T0
const main = createMatchmakingFunction({ clock: () => now })
let emu: TestEmulator
const P: Person[] = [
  { openid: 'd-m', gender: 'M' },
  { openid: 'd-f', gender: 'F' },
]

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedPeople(emu.db, P)
  await seedOfficer(emu.db)
  const mixerId = okData(await invoke(main, OFFICER, 'saveMixer', mixerRequest(T0))).id
  await seedEventStaff(emu.db, [mixerId])
  await prepare(main, P)
  for (const p of P) okData(await invoke(main, p.openid, 'signUp', { mixerId }))
  emu.wechat.accept('d-m', [localTemplateId('matchmaking', 'match')]) // he accepts the match notice; she does not
  okData(await invoke(main, 'd-m', 'subscribe', { topics: ['match'] }))
  now = T0 + 24 * HOUR + 30 * 60_000
  const [m, f] = [await checkIn(main, mixerId, P[0]), await checkIn(main, mixerId, P[1])]
  now = T0 + 26 * HOUR + 60_000
  okData(await invoke(main, m.openid, 'directory', { mixerId }))
  okData(await invoke(main, m.openid, 'submitPicks', { mixerId, tokens: submissionFor(mixerId, m, [f.keys.publicKey], 3) }))
  okData(await invoke(main, f.openid, 'submitPicks', { mixerId, tokens: submissionFor(mixerId, f, [m.keys.publicKey], 3) }))
  now = T0 + 27 * HOUR + 60_000
  const [match] = okData(await invoke(main, m.openid, 'myMatches', { mixerId })).matches
  okData(await invoke(main, m.openid, 'offerContact', { matchId: match.id, kind: 'wechat', value: 'wx_dm' }))
  await main({ Type: 'Timer' } as never, {}) // delivers the match notices
}, 60_000)
afterAll(() => emu.stop())

it('exports her profile, statement, sign-up with badge and match, and nothing secret', async () => {
  const out = (await matchmakingData.exportFor(emu.db, 'd-m', now))!
  expect(out.profile?.nickname).toBe('昵称0')
  expect(out.statement?.withdrawnAt).toBeNull()
  expect(out.signUps).toEqual([expect.objectContaining({ status: 'approved', badge: 1 })])
  expect(out.matches).toEqual([expect.objectContaining({ theirBadge: 2, theirNickname: '昵称1', myContact: 'wx_dm', state: 'waiting' })])
  expect(out.noticeOptins).toEqual({ match: 0 }) // his one opt-in was spent on the match notice
  expect(out.notices).toEqual([
    {
      kind: 'match_found',
      title: '活动结果通知',
      fields: [
        { label: '活动名称', value: '七夕单身青年联谊会' },
        { label: '结果', value: '心动选择结果已公布，请进入小程序查看' },
      ],
      createdAt: T0 + 27 * HOUR + 60_000,
      delivered: true,
    },
  ])
  expect(JSON.stringify(out)).not.toMatch(/d-f|d-m|publicKey|token/)
})

it('erasure removes her sign-up, profile and statement and clears her side of the match', async () => {
  const report = await matchmakingData.eraseFor(emu.db, 'd-m', now)
  expect(report.kept).toEqual([])
  expect(report.erased.join('；')).toMatch(/报名 1 条.*匹配记录 1 条.*会聚良缘通知 1 条.*交友资料.*单身承诺/)
  const after = await matchmakingData.exportFor(emu.db, 'd-m', now)
  // Her opt-in counts go with her account (member's own erasure); this service erases what it sent her.
  expect(after).toEqual({ profile: null, statement: null, signUps: [], matches: [], bar: null, noticeOptins: { match: 0 }, notices: [] })
  expect((await emu.db.collection(COLLECTIONS.outbox).where({ openid: 'd-m' }).count()).total).toBe(0)
  const theirs = okData(await invoke(main, 'd-f', 'myNotices', {}))
  expect(theirs.map((n: { kind: string; delivered: boolean }) => [n.kind, n.delivered])).toEqual([['match_found', false]])
  const mixerId = (await emu.db.collection('mixers').limit(1).get()).data[0]._id
  const hers = okData(await invoke(main, 'd-f', 'myMatches', { mixerId })).matches
  expect(hers.map((x: { state: string; theirContact: unknown }) => [x.state, x.theirContact])).toEqual([['ended', null]])
})
