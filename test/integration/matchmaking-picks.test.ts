/**
 * The venue and after: check-in answers, key lock, submission refusals, contacts on both consents, reports, bars,
 * and what officers cannot read.
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { readAll } from '../../cloudfunctions/common/paginate'
import { createMatchmakingFunction } from '../../cloudfunctions/matchmaking/index'
import { beijingClock } from '../../cloudfunctions/common/time'
import { localTemplateId } from '~types/notice-templates'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import {
  checkIn,
  HOUR,
  mixerRequest,
  OFFICER,
  prepare,
  rand,
  seedEventStaff,
  seedOfficer,
  seedPeople,
  STAFF,
  submissionFor,
  type Person,
  type Phone,
} from './matchmaking-fixtures'
import { keyPairFrom } from '~src/packages/matchmaking/lib/pick-crypto'

const T0 = Date.UTC(2027, 7, 8, 2, 0)
let now = T0
const main = createMatchmakingFunction({ clock: () => now })
let emu: TestEmulator
let mixerId: string
const P: Person[] = [
  { openid: 'm-a', gender: 'M' },
  { openid: 'm-b', gender: 'M' },
  { openid: 'f-a', gender: 'F' },
  { openid: 'f-b', gender: 'F' },
  { openid: 'f-late', gender: 'F' },
]
let [ma, mb, fa, fb]: Phone[] = []
const VENUE = T0 + 24 * HOUR + 30 * 60_000
const PICKS = T0 + 26 * HOUR + 60_000
const code = (r: { ok: boolean; code?: string }) => (r.ok ? 'OK' : r.code)

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedPeople(emu.db, P)
  await seedOfficer(emu.db)
  mixerId = okData(await invoke(main, OFFICER, 'saveMixer', mixerRequest(T0))).id
  await seedEventStaff(emu.db, [mixerId])
  await prepare(main, P)
  for (const p of P) okData(await invoke(main, p.openid, 'signUp', { mixerId }))
  now = VENUE
  ;[ma, mb, fa, fb] = [
    await checkIn(main, mixerId, P[0]),
    await checkIn(main, mixerId, P[1]),
    await checkIn(main, mixerId, P[2]),
    await checkIn(main, mixerId, P[3]),
  ]
}, 60_000)
afterAll(() => emu.stop())

it('a repeat scan says when and which badge; the code page sees the badge', async () => {
  const c = okData(await invoke(main, fa.openid, 'checkinCode', { mixerId }))
  expect(c.badge).toBe(fa.badge)
  const again = okData(await invoke(main, STAFF, 'checkIn', { mixerId, token: c.token }))
  expect(again.alreadyCheckedIn).toBe(true)
  expect(again.message).toBe(`已签到 ${beijingClock(VENUE)} · ${fa.badge}号`)
  // The desk's counts live beside the places: a repeat scan does not count twice.
  expect(okData(await invoke(main, STAFF, 'staffMixers', {}))[0].checkedIn).toEqual({ M: 2, F: 2 })
  const stranger = await invoke(main, 'm-b', 'checkIn', { mixerId, token: c.token })
  expect(code(stranger)).toBe('FORBIDDEN')
})

it('check-in closes and keys lock when the pick window opens', async () => {
  now = PICKS
  const late = okData(await invoke(main, 'f-late', 'checkinCode', { mixerId }))
  expect(code(await invoke(main, STAFF, 'checkIn', { mixerId, token: late.token }))).toBe('MIXER_CHECKIN_CLOSED')
  expect(code(await invoke(main, fa.openid, 'registerKey', { mixerId, publicKey: keyPairFrom(rand(32)).publicKey }))).toBe('KEY_LOCKED')
})

it('refuses fewer or more than K, not checked in, after the deadline, each with its own code', async () => {
  const dir = okData(await invoke(main, ma.openid, 'directory', { mixerId }))
  expect(dir.others.map((e: { badge: number }) => e.badge).sort()).toEqual([fa.badge, fb.badge].sort())
  const three = submissionFor(mixerId, ma, [fa.keys.publicKey], 3)
  expect(code(await invoke(main, ma.openid, 'submitPicks', { mixerId, tokens: three.slice(0, 2) }))).toBe('PICK_COUNT')
  expect(code(await invoke(main, ma.openid, 'submitPicks', { mixerId, tokens: [...three, three[0].replace(/^./, 'Z')] }))).toBe(
    'PICK_COUNT',
  )
  expect(code(await invoke(main, 'f-late', 'submitPicks', { mixerId, tokens: three }))).toBe('MIXER_NOT_CHECKED_IN')
  expect(code(await invoke(main, 'f-late', 'directory', { mixerId }))).toBe('MIXER_NOT_CHECKED_IN')
  okData(await invoke(main, ma.openid, 'submitPicks', { mixerId, tokens: three }))
  emu.wechat.accept(ma.openid, [localTemplateId('matchmaking', 'match')])
  expect(okData(await invoke(main, ma.openid, 'subscribe', { topics: ['match'] })).credits).toEqual({ match: 1 })
  okData(await invoke(main, fa.openid, 'submitPicks', { mixerId, tokens: submissionFor(mixerId, fa, [ma.keys.publicKey], 3) }))
  // Two of the same group picking each other (a modified client) never match.
  okData(await invoke(main, mb.openid, 'submitPicks', { mixerId, tokens: submissionFor(mixerId, mb, [fb.keys.publicKey], 3) }))
  okData(await invoke(main, fb.openid, 'submitPicks', { mixerId, tokens: submissionFor(mixerId, fb, [fa.keys.publicKey], 3) }))
  now = T0 + 27 * HOUR
  expect(code(await invoke(main, fb.openid, 'submitPicks', { mixerId, tokens: submissionFor(mixerId, fb, [], 3) }))).toBe('PICK_CLOSED')
})

it('matches are told to both; contacts show only once both offered; nobody else sees anything', async () => {
  const a = okData(await invoke(main, ma.openid, 'myMatches', { mixerId }))
  expect(a.matches.map((x: { badge: number }) => x.badge)).toEqual([fa.badge])
  for (const p of [mb, fb]) expect(okData(await invoke(main, p.openid, 'myMatches', { mixerId })).matches).toEqual([])
  const matchId = a.matches[0].id
  await main({ Type: 'Timer' } as never, {}) // the timer delivers the queued notices
  const told = okData(await invoke(main, ma.openid, 'myNotices', {}))
  expect(told.map((n: { title: string; delivered: boolean }) => [n.title, n.delivered])).toEqual([['活动结果通知', true]])
  expect(emu.wechat.messages(ma.openid)).toEqual([
    expect.objectContaining({
      templateId: localTemplateId('matchmaking', 'match'),
      page: expect.stringMatching(/^packages\/matchmaking\//),
    }),
  ])
  // No opt-in: WeChat refuses it (43101), recorded 未送达.
  expect(okData(await invoke(main, fa.openid, 'myNotices', {})).map((n: { errcode?: number }) => n.errcode)).toEqual([43101])
  expect(emu.wechat.messages(fa.openid)).toEqual([])
  expect(okData(await invoke(main, mb.openid, 'myNotices', {}))).toEqual([])
  expect(code(await invoke(main, mb.openid, 'offerContact', { matchId, kind: 'wechat', value: 'intruder' }))).toBe('NOT_FOUND')
  const mine = okData(await invoke(main, ma.openid, 'offerContact', { matchId, kind: 'wechat', value: 'wx_ming_1996' }))
  expect([mine.state, mine.theirContact]).toEqual(['waiting', null])
  const hers = okData(await invoke(main, fa.openid, 'myMatches', { mixerId })).matches[0]
  expect([hers.state, hers.theirContact]).toEqual(['open', null]) // his offer is not shown before hers
  const both = okData(await invoke(main, fa.openid, 'offerContact', { matchId, kind: 'phone', value: '13912345678' }))
  expect(both.theirContact).toEqual({ kind: 'wechat', value: 'wx_ming_1996' })
  expect(okData(await invoke(main, ma.openid, 'myMatches', { mixerId })).matches[0].theirContact).toEqual({
    kind: 'phone',
    value: '13912345678',
  })
  // The request-id store keeps outcomes: no contact may sit there past the retention of the matches.
  const stored = JSON.stringify((await emu.db.collection(COLLECTIONS.requests).limit(1000).get()).data)
  for (const contact of ['wx_ming_1996', '13912345678']) expect(stored).not.toContain(contact)
  // Officers: every officer action's answer is free of tokens, contacts and public keys.
  const answers = JSON.stringify([
    await invoke(main, OFFICER, 'figures', { mixerId }),
    await invoke(main, OFFICER, 'reviewList', { mixerId }),
    await invoke(main, OFFICER, 'programme', { programme: '测试 2027' }),
    await invoke(main, OFFICER, 'listReports', {}),
    await invoke(main, OFFICER, 'staffMixers', {}),
    await invoke(main, OFFICER, 'myMatches', { mixerId }),
    await invoke(main, OFFICER, 'directory', { mixerId }),
  ])
  for (const secret of ['wx_ming_1996', '13912345678', ma.keys.publicKey, fa.keys.publicKey, 'm-a', 'f-a'])
    expect(answers).not.toContain(secret)
  expect(okData(await invoke(main, OFFICER, 'figures', { mixerId })).pairs).toBe('<5')
  // Ending it hides everything from both.
  const ended = okData(await invoke(main, fa.openid, 'endMatch', { matchId, block: true }))
  expect([ended.state, ended.theirContact, ended.myContact]).toEqual(['ended', null, null])
  const his = okData(await invoke(main, ma.openid, 'myMatches', { mixerId })).matches[0]
  expect([his.state, his.theirContact]).toEqual(['ended', null])
  expect(code(await invoke(main, ma.openid, 'offerContact', { matchId, kind: 'wechat', value: 'again' }))).toBe('MATCH_ENDED')
})

it('a report never names the reporter; a bar holds until its date and may be appealed once', async () => {
  okData(await invoke(main, fb.openid, 'report', { mixerId, badge: mb.badge, reason: 'harassment', note: '活动中言语骚扰' }))
  const [r] = okData(await invoke(main, OFFICER, 'listReports', {}))
  expect(r.subject.badge).toBe(mb.badge)
  expect(JSON.stringify(r)).not.toMatch(/f-b|reporter/)
  const until = now + 90 * 24 * HOUR
  okData(await invoke(main, OFFICER, 'barMember', { reportId: r.id, reason: '骚扰其他参加者', until }))
  const next = okData(await invoke(main, OFFICER, 'saveMixer', mixerRequest(now, { title: '下一场' }))).id
  const card = okData(await invoke(main, mb.openid, 'getMixer', { mixerId: next }))
  expect(card.eligibility.reasons.some((x: string) => x.startsWith('您已被暂停参加联谊活动'))).toBe(true)
  expect(code(await invoke(main, mb.openid, 'signUp', { mixerId: next }))).toBe('MIXER_BARRED')
  expect(okData(await invoke(main, mb.openid, 'appealBar', { text: '我没有骚扰，请核实' })).appeal.outcome).toBe('pending')
  expect(code(await invoke(main, mb.openid, 'appealBar', { text: '再申诉一次' }))).toBe('APPEAL_USED')
  okData(await invoke(main, OFFICER, 'decideAppeal', { reportId: r.id, lift: true }))
  expect(okData(await invoke(main, mb.openid, 'getMixer', { mixerId: next })).eligibility.eligible).toBe(true)
  const audit = await readAll<{ action: string }>(emu.db.collection(COLLECTIONS.auditLog).where({ action: 'matchmaking.bar' }))
  expect(audit).toHaveLength(1)
})

it('after the retention days only aggregate figures remain', async () => {
  now = T0 + 28 * HOUR + 30 * 24 * HOUR
  const swept = okData(await invoke(main, OFFICER, 'sweep', {}))
  expect(swept.mixersPurged).toBe(1) // 下一场 ends later: its retention has not run out
  // Their profiles went with it (one query found that nobody holds a sign-up elsewhere).
  expect(
    await readAll(emu.db.collection(COLLECTIONS.mixerProfiles).where({ _id: emu.db.command.in(P.map((p) => p.openid)) })),
  ).toHaveLength(0)
  for (const c of [COLLECTIONS.mixerMatches, COLLECTIONS.mixerPicks])
    expect(await readAll(emu.db.collection(c).where({ mixerId }))).toHaveLength(0)
  expect((await emu.db.collection(COLLECTIONS.mixerDirectories).doc(mixerId).get()).data).toHaveLength(0)
  expect(await readAll(emu.db.collection(COLLECTIONS.mixerSignups).where({ mixerId }))).toHaveLength(0)
  const fig = okData(await invoke(main, OFFICER, 'figures', { mixerId }))
  expect(fig.checkedIn).toEqual({ M: '<5', F: '<5' })
})
