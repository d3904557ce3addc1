/**
 * Members' own text goes through WeChat's content check (issue 16 §6), through the port to the local
 * WeChat and its word list (tools/wechat/words.json): a risky profile or report note is refused and
 * nothing stored; a review-word profile is stored but held (no sign-up, so in no directory) until an
 * officer approves it in the 资料审核 queue, and then she signs up and appears; WeChat down → nothing stored.
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { readAll } from '../../cloudfunctions/common/paginate'
import { createMatchmakingFunction } from '../../cloudfunctions/matchmaking/index'
import { SINGLE_STATEMENT, type ProfileTextDTO } from '~types/matchmaking'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { checkIn, HOUR, mixerRequest, OFFICER, seedEventStaff, seedOfficer, seedPeople, type Person } from './matchmaking-fixtures'

const T0 = Date.UTC(2027, 7, 8, 2, 0)
let now = T0
const main = createMatchmakingFunction({ clock: () => now })
let emu: TestEmulator
let mixerId: string
const CHECK = 'security.msgSecCheck' as const

const HE: Person = { openid: 'cc-he', gender: 'M' }
const HELD: Person = { openid: 'cc-held', gender: 'F' } // review word, approved later
const NEVER: Person = { openid: 'cc-never', gender: 'F' } // review word, never approved
const RISKY: Person = { openid: 'cc-risky', gender: 'F' }
const CLEAN: Person = { openid: 'cc-clean', gender: 'F' }
const REVIEW_INTRO = '喜欢旅行，认识后可以加微信聊聊'
const NEVER_INTRO = '做投资理财的，想认识靠谱的人'

const save = (p: Person, intro: string, nickname = '小周') => invoke(main, p.openid, 'saveProfile', { nickname, sector: '企业', intro })
const profileDoc = async (openid: string) => (await emu.db.collection(COLLECTIONS.mixerProfiles).doc(openid).get()).data[0] ?? null
const everything = async (c: string) => JSON.stringify(await readAll(emu.db.collection(c).where({ _id: emu.db.command.exists(true) })))

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedPeople(emu.db, [HE, HELD, NEVER, RISKY, CLEAN])
  await seedOfficer(emu.db)
  mixerId = okData(await invoke(main, OFFICER, 'saveMixer', mixerRequest(T0))).id
  await seedEventStaff(emu.db, [mixerId])
  for (const p of [HE, HELD, NEVER, RISKY, CLEAN])
    okData(await invoke(main, p.openid, 'signStatement', { version: SINGLE_STATEMENT.version }))
}, 60_000)
afterAll(() => emu.stop())

describe('profile text', () => {
  it('a risky word is refused naming the field, and nothing is stored', async () => {
    const r = await save(RISKY, '周末喜欢赌博和喝酒')
    expect(r).toMatchObject({ ok: false, code: 'CONTENT_RISKY', field: 'intro', message: '自我介绍含有不适宜发布的内容，请修改后再提交' })
    const nick = await save(RISKY, '喜欢爬山', '滚蛋')
    expect(nick).toMatchObject({ ok: false, code: 'CONTENT_RISKY', field: 'nickname', message: '昵称含有不适宜发布的内容，请修改后再提交' })
    expect(await profileDoc(RISKY.openid)).toBeNull()
    expect(okData(await invoke(main, RISKY.openid, 'myProfile', {})).profile).toBeNull()
  })

  it('WeChat unreachable: refused WECHAT_UNAVAILABLE, never stored unchecked', async () => {
    emu.wechat.failNext(CHECK, -1, 2)
    const r = await save(CLEAN, '喜欢爬山和看电影')
    expect(r).toMatchObject({ ok: false, code: 'WECHAT_UNAVAILABLE' })
    expect(await profileDoc(CLEAN.openid)).toBeNull()
  })

  it('a clean text is stored as before; saving it unchanged asks WeChat nothing', async () => {
    okData(await save(CLEAN, '喜欢爬山和看电影'))
    expect(okData(await invoke(main, CLEAN.openid, 'myProfile', {})).hold).toBeNull()
    const calls = emu.wechat.calls(CHECK)
    okData(await invoke(main, CLEAN.openid, 'saveProfile', { nickname: '小周', sector: '机关事业', intro: '喜欢爬山和看电影' }))
    expect(emu.wechat.calls(CHECK)).toBe(calls)
  })

  it('a review word is stored but held: 审核中 for her, no sign-up, listed for the officer with her masked name', async () => {
    okData(await save(HELD, REVIEW_INTRO, '小李'))
    okData(await save(NEVER, NEVER_INTRO, '小王'))
    okData(await save(HE, '喜欢打篮球', '小张'))
    expect(okData(await invoke(main, HELD.openid, 'myProfile', {})).hold).toMatchObject({ state: 'pending', reason: null })
    const refused = await invoke(main, HELD.openid, 'signUp', { mixerId })
    expect(refused).toMatchObject({ ok: false, code: 'NOT_ELIGIBLE' })
    expect(refused.ok || refused.message).toContain('交友资料审核中')
    const card = okData(await invoke(main, HELD.openid, 'getMixer', { mixerId }))
    expect(card.eligibility.reasons).toContain('交友资料审核中，审核通过后即可报名')
    const queue: ProfileTextDTO[] = okData(await invoke(main, OFFICER, 'profileTexts', {}))
    expect(queue.map((t) => [t.nickname, t.intro, t.fields, t.state])).toEqual([
      ['小李', REVIEW_INTRO, ['intro'], 'pending'],
      ['小王', NEVER_INTRO, ['intro'], 'pending'],
    ])
    expect(queue[0].maskedName).toMatch(/^成\*+$/)
    expect(JSON.stringify(queue)).not.toContain('cc-') // no openid leaves
    expect(await invoke(main, HELD.openid, 'profileTexts', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('the officer approves: she signs up, checks in and appears in the directory; the never-approved one does not', async () => {
    const queue: ProfileTextDTO[] = okData(await invoke(main, OFFICER, 'profileTexts', {}))
    const ref = queue.find((t) => t.nickname === '小李')!.ref
    const approved = okData(await invoke(main, OFFICER, 'decideProfileText', { ref, approve: true }, 'cc-approve'))
    expect(approved).toMatchObject({ ref, state: 'approved' })
    // A retried decision answers the first outcome.
    expect(okData(await invoke(main, OFFICER, 'decideProfileText', { ref, approve: true }, 'cc-approve'))).toEqual(approved)
    expect(okData(await invoke(main, HELD.openid, 'myProfile', {})).hold).toBeNull()
    expect((await invoke(main, NEVER.openid, 'signUp', { mixerId })).ok).toBe(false)
    for (const p of [HE, HELD, CLEAN]) okData(await invoke(main, p.openid, 'signUp', { mixerId }))
    now = T0 + 24 * HOUR + 30 * 60_000
    const [he, held] = [await checkIn(main, mixerId, HE), await checkIn(main, mixerId, HELD)]
    await checkIn(main, mixerId, CLEAN)
    now = T0 + 26 * HOUR + 5 * 60_000
    const dir = okData(await invoke(main, he.openid, 'directory', { mixerId }))
    expect(dir.others.find((e: { badge: number }) => e.badge === held.badge)).toMatchObject({ nickname: '小李', intro: REVIEW_INTRO })
    expect(dir.others.map((e: { nickname: string }) => e.nickname).sort()).toEqual(['小周', '小李'].sort())
    // The held text reached no sign-up, directory or match: only her profile and the officers' queue.
    for (const c of [COLLECTIONS.mixerSignups, COLLECTIONS.mixerDirectories, COLLECTIONS.mixerMatches]) {
      expect(await everything(c)).not.toContain(NEVER_INTRO)
    }
  })

  it('退回 with a reason: she sees it on her profile; a clean edit releases her, a decision on the old text finds nothing', async () => {
    const ref = (okData(await invoke(main, OFFICER, 'profileTexts', {})) as ProfileTextDTO[])[0].ref
    const noReason = await invoke(main, OFFICER, 'decideProfileText', { ref, approve: false })
    expect(noReason).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', field: 'reason' })
    okData(await invoke(main, OFFICER, 'decideProfileText', { ref, approve: false, reason: '请删除理财相关内容' }))
    expect(okData(await invoke(main, NEVER.openid, 'myProfile', {})).hold).toMatchObject({
      state: 'returned',
      reason: '请删除理财相关内容',
    })
    expect(okData(await invoke(main, OFFICER, 'profileTexts', {}))).toEqual([])
    okData(await save(NEVER, '喜欢读书和做饭', '小王'))
    expect(okData(await invoke(main, NEVER.openid, 'myProfile', {})).hold).toBeNull()
    const stale = await invoke(main, OFFICER, 'decideProfileText', { ref, approve: true })
    expect(stale).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})

describe('report note', () => {
  it('a risky note is refused and nothing stored; a clean one is received', async () => {
    const held = okData(await invoke(main, HE.openid, 'directory', { mixerId })).others.find(
      (e: { nickname: string }) => e.nickname === '小李',
    )
    const bad = await invoke(main, HE.openid, 'report', {
      mixerId,
      badge: held.badge,
      reason: 'other',
      note: '她让我先转账再见面，还说要赌博',
    })
    expect(bad).toMatchObject({ ok: false, code: 'CONTENT_RISKY', field: 'note', message: '举报说明含有不适宜发布的内容，请修改后再提交' })
    expect(await everything(COLLECTIONS.mixerReports)).toBe('[]')
    okData(await invoke(main, HE.openid, 'report', { mixerId, badge: held.badge, reason: 'other', note: '她让我先转账再见面' }))
    const reports = okData(await invoke(main, OFFICER, 'listReports', {}))
    expect(reports.map((r: { note: string }) => r.note)).toEqual(['她让我先转账再见面'])
  })
})
