/**
 * 各级工会 (issue 20) across every service, on the demo city as the seed writes it: every officer action
 * of every function, called by an officer of 秦淮区总工会 on 秦淮's own things and on another union's
 * (玄武's and 鼓楼's, and the city's own). Generated from the declarations: an action declared
 * `officer:owner` must have a row in TARGETED (what it acts on, given a side), an action declared
 * `officer` a row in LISTS (what it reads), so a new officer action without a row fails here.
 * - on another union's thing: FORBIDDEN, and the thing is unchanged;
 * - on her own: past authorisation (any answer but FORBIDDEN; `invoke` fails on INTERNAL);
 * - the city officer: past authorisation on both;
 * - every list, figure and export she reads holds none of another union's things or members, while the
 *   city's holds them (so the check can fail).
 */
import { authLabel } from '../../cloudfunctions/common/auth'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { DefinedFunction } from '../../cloudfunctions/common/function'
import type { RosterDoc } from '../../cloudfunctions/common/member-docs'
import { readAll } from '../../cloudfunctions/common/paginate'
import { OWNED_COLLECTIONS } from '../../cloudfunctions/common/union-moves'
import type { UnionDoc } from '../../cloudfunctions/common/unions'
import { createEventsFunction } from '../../cloudfunctions/events/index'
import { createMatchmakingFunction } from '../../cloudfunctions/matchmaking/index'
import { createMemberFunction } from '../../cloudfunctions/member/index'
import { sealRecordId } from '../../cloudfunctions/member/roster-record-id'
import { createScreeningFunction } from '../../cloudfunctions/screening/index'
import { createVouchersFunction } from '../../cloudfunctions/vouchers/index'
import { seed } from '../../tools/seed/seed'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import { mixerRequest } from './matchmaking-fixtures'
import { programmeRequest } from './screening.fixtures'
import { campaignInput } from './vouchers-fixtures'

jest.setTimeout(240_000)

const SEEDED = Date.UTC(2027, 1, 20, 2) // the demo seeded 2027-02-20 10:00 Beijing
const NOW = SEEDED + 3_600_000
const clock = () => NOW
const FUNCTIONS: Record<string, DefinedFunction> = {
  member: createMemberFunction({ clock }),
  events: createEventsFunction({ clock }),
  screening: createScreeningFunction({ clock }),
  matchmaking: createMatchmakingFunction({ clock }),
  vouchers: createVouchersFunction({ clock }),
}

const CITY = 'demo-officer' // 孙丽, 南京市总工会
const QH = 'demo-district-officer' // 陈红, 秦淮区总工会
const HERS = 'u-qinhuai'

/** What an action acts on, one side's worth: 秦淮's own things, or another union's. */
interface Side {
  union: string // a union strictly below the district, and its parent
  parent: string
  event: string
  programme: string
  session: string
  mixer: string
  campaign: string
  merchant: string
  deletion: string
  report: string
  profileRef: string
  /** An invite for the side's event, by its table handle (set in beforeAll). */
  invite: string
  /** A roster record's handle (as listRoster hands it out) of a member of the side's union. */
  member: string
}

let emu: TestEmulator
const side: Record<'own' | 'foreign', Side> = {} as never
/** Ids of every owned thing outside her subtree, and of unions outside it (her ancestors excepted). */
const foreignMarkers: string[] = []

const event = (id: string) => ({
  id,
  kind: 'activity' as const,
  title: '改名的活动',
  description: '',
  venue: { name: '老门东', address: '', city: '南京市' },
  startsAt: NOW + 86_400_000,
  endsAt: NOW + 90_000_000,
  zones: [{ id: 'A', name: '一区' }],
  signUp: { required: false, capacity: 100, closesAt: null },
  stampRules: { cooldownSeconds: 0 },
})

/** Every officer action that names its target, with the input that names one side's. */
const TARGETED: Record<string, (s: Side) => unknown> = {
  'member.createInvite': (s) => ({ scope: { kind: 'event', id: s.event, name: '活动' } }),
  'member.processDeletionRequest': (s) => ({ id: s.deletion }),
  'member.saveUnion': (s) => ({ name: `新工会${s.parent}`, parentId: s.parent }),
  'member.moveUnion': (s) => ({ id: s.union, parentId: s.parent }),
  'member.rosterRecord': (s) => ({ id: s.member }),
  'member.correctRoster': (s) => ({ id: s.member, tags: ['已核对'] }),
  'events.manageEvent': (s) => ({ eventId: s.event }),
  'events.saveEvent': (s) => event(s.event),
  'events.saveBooth': (s) => ({ eventId: s.event, zoneId: 'A', name: '展位', exhibitor: '工会' }),
  'events.saveTier': (s) => ({ eventId: s.event, name: '一档', gift: '水杯', rule: { minTotal: 1, minPerZone: 0 }, stock: 10 }),
  'events.saveCheckpoint': (s) => ({ eventId: s.event, name: '起点', opensAt: NOW, closesAt: NOW + 3_600_000 }),
  'events.boothCodes': (s) => ({ eventId: s.event }),
  'events.boothCodeImage': (s) => ({ eventId: s.event, boothId: 'A01' }),
  'events.reissueBoothCode': (s) => ({ eventId: s.event, boothId: 'A01' }),
  'events.exportCheckIns': (s) => ({ eventId: s.event }),
  'events.exportRedemptions': (s) => ({ eventId: s.event }),
  'events.sweepPending': (s) => ({ eventId: s.event }),
  'events.dashboard': (s) => ({ eventId: s.event }),
  'events.scanLog': (s) => ({ eventId: s.event }),
  'events.checkInCounts': (s) => ({ eventId: s.event }),
  'screening.createProgramme': (s) => ({
    ...programmeRequest(NOW, { id: `prog-${s.parent}`, sites: [`site-${s.parent}`] }),
    unionId: s.parent,
  }),
  'screening.dashboard': (s) => ({ programmeId: s.programme }),
  'screening.exportBookings': (s) => ({ programmeId: s.programme }),
  'screening.bookingTable': (s) => ({ programmeId: s.programme }),
  'screening.sweep': (s) => ({ programmeId: s.programme }),
  'screening.staffBookings': (s) => ({ sessionId: s.session }),
  'screening.markNoShows': (s) => ({ sessionId: s.session }),
  'matchmaking.saveMixer': (s) => ({ ...mixerRequest(NOW), id: s.mixer }),
  'matchmaking.reviewList': (s) => ({ mixerId: s.mixer }),
  'matchmaking.decide': (s) => ({ mixerId: s.mixer, ref: 'nobody-at-all', approve: true }),
  'matchmaking.reviewTable': (s) => ({ mixerId: s.mixer }),
  'matchmaking.decideMany': (s) => ({ mixerId: s.mixer, refs: ['nobody-at-all'], approve: true }),
  'matchmaking.figures': (s) => ({ mixerId: s.mixer }),
  'matchmaking.barMember': (s) => ({ reportId: s.report, reason: '骚扰', until: NOW + 86_400_000 }),
  'matchmaking.dismissReport': (s) => ({ reportId: s.report }),
  'matchmaking.decideAppeal': (s) => ({ reportId: s.report, lift: false }),
  'matchmaking.decideProfileText': (s) => ({ ref: s.profileRef, approve: false, reason: '含联系方式' }),
  'vouchers.saveMerchant': (s) => ({ id: s.merchant, name: '改名的商户', address: '南京市', category: '超市' }),
  'vouchers.setMerchantSuspended': (s) => ({ merchantId: s.merchant, suspended: false }),
  'vouchers.createCampaign': (s) => ({ ...campaignInput([s.merchant], { name: '越级券' }), unionId: s.parent }),
  'vouchers.draw': (s) => ({ campaignId: s.campaign }),
  'vouchers.dashboard': (s) => ({ campaignId: s.campaign }),
  'vouchers.exportCampaign': (s) => ({ campaignId: s.campaign }),
  'vouchers.todayRedemptions': (s) => ({ merchantId: s.merchant }),
  'vouchers.statement': (s) => ({ merchantId: s.merchant, period: 'month', date: '2027-02-20' }),
  'vouchers.campaignTable': (s) => ({ unionId: s.parent }),
  'vouchers.answerDispute': (s) => ({ merchantId: s.merchant, period: 'month', date: '2027-02-20', decision: 'rejected', note: '无误' }),
  'member.revokeInvite': (s) => ({ id: s.invite }),
}

/** Targeted actions only the city may call at all: nothing below the city owns what they touch. */
const CITY_ONLY = ['screening.allNotices', 'matchmaking.allNotices', 'vouchers.allNotices', 'matchmaking.sweep']

/** Every officer read that is not about one target, with its input; `cityShows`: the demo gives the city something outside 秦淮 there. */
const LISTS: Record<string, { input: unknown; cityShows: boolean }> = {
  'member.listRoster': { input: { pageSize: 50 }, cityShows: true },
  'member.inviteTargets': { input: {}, cityShows: true },
  'member.listDeletionRequests': { input: { status: 'all' }, cityShows: true },
  'member.listUnions': { input: {}, cityShows: true },
  // in full, so that the city's holds the foreign member's card number (a masked one names no id)
  'member.exportRoster': { input: { full: true, reason: '年度会员核对' }, cityShows: true },
  'events.staffEvents': { input: {}, cityShows: true },
  'screening.officerProgrammes': { input: {}, cityShows: true },
  'screening.staffSessions': { input: {}, cityShows: true }, // its date: the first day of the city's round (beforeAll)
  'matchmaking.officerMixers': { input: {}, cityShows: true },
  'matchmaking.mixerTable': { input: { pageSize: 100 }, cityShows: true },
  'matchmaking.staffMixers': { input: {}, cityShows: true },
  'matchmaking.programme': { input: { programme: '南京市青年职工联谊交友 2027' }, cityShows: false },
  'matchmaking.listReports': { input: {}, cityShows: true },
  'matchmaking.profileTexts': { input: {}, cityShows: true },
  'vouchers.listMerchants': { input: {}, cityShows: true },
  'vouchers.listCampaigns': { input: {}, cityShows: true },
  'vouchers.merchantStatements': { input: { period: 'month', date: '2027-02-20' }, cityShows: true },
  'vouchers.merchantTable': { input: { pageSize: 100 }, cityShows: true },
  'vouchers.disputeTable': { input: {}, cityShows: true }, // each side's merchant disputes a statement (beforeAll)
  'member.inviteTable': { input: { pageSize: 100 }, cityShows: true }, // an invite for each side's event (beforeAll)
  'vouchers.myMerchants': { input: {}, cityShows: false }, // a till's own merchants: none for an officer
}

/** Reads an officer's code, or a plain verification code, does not name a thing: no row needed. */
const NOT_ABOUT_A_THING = ['member.importRoster', 'member.previewRoster', 'member.inviteCodeImage']

const call = (who: string, key: string, input: unknown) => {
  const [fn, action] = key.split('.')
  return invoke(FUNCTIONS[fn], who, action, input)
}

async function firstSession(programmeId: string): Promise<string> {
  const res = await emu.db.collection(COLLECTIONS.screeningSessions).where({ programmeId }).limit(1).get()
  return (res.data as { _id: string }[])[0]._id
}

/** A verified member of `unionId` who asks for her data to be deleted: the request's id. */
async function deletionOf(openid: string, unionId: string): Promise<string> {
  const [rec] = (await emu.db.collection(COLLECTIONS.roster).where({ unionId, boundOpenid: null }).limit(1).get()).data as RosterDoc[]
  await emu.db.collection(COLLECTIONS.roster).doc(rec._id).update({ boundOpenid: openid })
  await emu.db.collection(COLLECTIONS.users).add({
    _id: openid,
    rosterId: rec._id,
    verifiedAt: SEEDED,
    roles: [],
    deletionRequestedAt: null,
    createdAt: SEEDED,
    updatedAt: SEEDED,
  })
  okData(await invoke(FUNCTIONS.member, openid, 'requestDeletion', {}))
  const [req] = (await emu.db.collection(COLLECTIONS.deletionRequests).where({ openid }).get()).data as { _id: string }[]
  return req._id
}

/** The handle of a roster record of `unionId`. */
async function memberOf(unionId: string): Promise<string> {
  const [rec] = (await emu.db.collection(COLLECTIONS.roster).where({ unionId }).limit(1).get()).data as RosterDoc[]
  return sealRecordId(rec._id)
}

/** The side's merchant disputes its February statement (its manager), and the city invites staff for its event. */
async function disputeAndInvite(s: Side): Promise<void> {
  const manager = `mgr-${s.merchant}`
  const role = { role: 'staff', scope: { kind: 'merchant', id: `${s.merchant}-mgr`, name: s.merchant } }
  await emu.db
    .collection(COLLECTIONS.users)
    .add({ _id: manager, rosterId: null, verifiedAt: null, roles: [role], deletionRequestedAt: null, createdAt: SEEDED, updatedAt: SEEDED })
  okData(await call(manager, 'vouchers.disputeStatement', { merchantId: s.merchant, period: 'month', date: '2027-02-20', note: '有误' }))
  okData(await call(CITY, 'member.createInvite', { scope: { kind: 'event', id: s.event, name: '活动' } }))
  const { items } = okData(await call(CITY, 'member.inviteTable', { kind: 'event', pageSize: 100 })) as {
    items: { id: string; scope: { id: string } }[]
  }
  s.invite = items.find((r) => r.scope.id === s.event)!.id
}

/** A report filed at a mixer and a self-introduction held for review, as the member flows store them. */
async function reportAndText(id: string, mixerId: string, openid: string, ref: string): Promise<void> {
  await emu.db.collection(COLLECTIONS.mixerReports).add({
    _id: id,
    mixerId,
    mixerTitle: mixerId,
    reporterRef: `r-${id}`,
    subjectOpenid: openid,
    subject: { badge: 7, nickname: '小周', maskedName: '周*' },
    reason: 'harassment',
    note: '',
    at: SEEDED,
    status: 'open',
  })
  await emu.db.collection(COLLECTIONS.mixerProfiles).add({
    _id: openid,
    hold: { ref, state: 'pending', fields: ['intro'], label: 7, maskedName: '周*', at: SEEDED, reason: null },
  })
}

beforeAll(async () => {
  emu = await startTestEmulator()
  await seed(emu.db, SEEDED)
  side.own = {
    union: 'u-qh-suguo',
    parent: HERS,
    event: 'event-nj-craft',
    programme: 'liangai-2027-0308',
    session: '',
    mixer: 'mixer-qixi-qinhuai',
    campaign: 'campaign-qh-rider',
    merchant: 'merchant-suguo-xjk',
    deletion: await deletionOf('scope-qh-member', 'u-qh-meituan'),
    report: 'rep-own',
    profileRef: 'ownref0123456789',
    invite: '',
    member: await memberOf('u-qh-meituan'),
  }
  side.foreign = {
    union: 'u-xw-school',
    parent: 'u-xuanwu',
    event: 'event-walk-2027',
    programme: 'liangai-gulou-jiazheng',
    session: await firstSession('liangai-gulou-jiazheng'),
    mixer: 'mixer-nj-01',
    campaign: 'campaign-model-worker',
    merchant: 'merchant-zhongyang',
    deletion: await deletionOf('scope-xw-member', 'u-xw-school'),
    report: 'rep-foreign',
    profileRef: 'xwref01234567890',
    invite: '',
    member: await memberOf('u-xw-school'),
  }
  // her programmes in the demo book at the city's hospital site; a programme with a site of her own gives her desk a session
  okData(await call(QH, 'screening.createProgramme', { ...programmeRequest(NOW, { id: 'prog-qh-own', sites: ['site-qh-own'] }) }))
  side.own.session = await firstSession('prog-qh-own')
  const [cityDay] = (
    await emu.db
      .collection(COLLECTIONS.screeningSessions)
      .doc(await firstSession('liangai-2027-r1'))
      .get()
  ).data as { date: string }[]
  LISTS['screening.staffSessions'].input = { date: cityDay.date }
  for (const s of [side.own, side.foreign]) await disputeAndInvite(s)
  await reportAndText('rep-own', side.own.mixer, 'scope-qh-member', side.own.profileRef)
  await reportAndText('rep-foreign', side.foreign.mixer, 'scope-xw-member', side.foreign.profileRef)

  const unions = await readAll<UnionDoc>(emu.db.collection(COLLECTIONS.unions).where({ _id: emu.db.command.exists(true) }))
  const mine = unions.find((u) => u._id === HERS)!
  for (const u of unions) if (!u.path.includes(HERS) && !mine.path.includes(u._id)) foreignMarkers.push(u._id)
  // a city site her own programme books at is not hers to run, but naming it is no leak
  for (const c of OWNED_COLLECTIONS.filter((c) => c !== COLLECTIONS.roster && c !== COLLECTIONS.screeningSites)) {
    const docs = await readAll<{ _id: string; unionPath?: string[] }>(
      emu.db
        .collection(c)
        .where({ _id: emu.db.command.exists(true) })
        .field({ _id: true, unionPath: true }),
    )
    for (const d of docs) if (!(d.unionPath ?? []).includes(HERS)) foreignMarkers.push(d._id)
  }
  // the foreign member's card number and deletion request
  const [xw] = (await emu.db.collection(COLLECTIONS.users).doc('scope-xw-member').get()).data as { rosterId: string }[]
  foreignMarkers.push(side.foreign.deletion, xw.rosterId, 'rep-foreign', side.foreign.profileRef)
})
afterAll(() => emu.stop())

/** Every officer action of every function with its declared kind. */
function officerActions(): { key: string; label: string }[] {
  return Object.entries(FUNCTIONS).flatMap(([fn, main]) =>
    Object.entries(main.actions)
      .map(([action, spec]) => ({ key: `${fn}.${action}`, label: authLabel(spec.auth as never) }))
      .filter((a) => a.label.startsWith('officer') || (a.label.startsWith('staff') && (a.key in TARGETED || a.key in LISTS))),
  )
}

test('every officer action has its row: a target, a list, or a reason it names none', () => {
  for (const { key, label } of officerActions()) {
    const placed = key in TARGETED || key in LISTS || CITY_ONLY.includes(key) || NOT_ABOUT_A_THING.includes(key)
    expect({ key, label, placed }).toEqual({ key, label, placed: true })
    if (label === 'officer:owner') expect({ key, targeted: key in TARGETED || CITY_ONLY.includes(key) }).toEqual({ key, targeted: true })
  }
})

/** The document an action's target names, to show a refusal changed nothing. */
async function snapshot(s: Side): Promise<string> {
  const docs = await Promise.all(
    (
      [
        [COLLECTIONS.events, s.event],
        [COLLECTIONS.screeningProgrammes, s.programme],
        [COLLECTIONS.mixers, s.mixer],
        [COLLECTIONS.voucherCampaigns, s.campaign],
        [COLLECTIONS.voucherMerchants, s.merchant],
        [COLLECTIONS.unions, s.union],
        [COLLECTIONS.deletionRequests, s.deletion],
        [COLLECTIONS.mixerReports, s.report],
      ] as const
    ).map(async ([c, id]) => (await emu.db.collection(c).doc(id).get()).data),
  )
  const counts = await Promise.all(
    [
      COLLECTIONS.unions,
      COLLECTIONS.screeningProgrammes,
      COLLECTIONS.voucherCampaigns,
      COLLECTIONS.staffInvites,
      COLLECTIONS.eventBooths,
    ].map(async (c) => (await emu.db.collection(c).count()).total),
  )
  return JSON.stringify([docs, counts])
}

test("a district officer is refused on another union's things, and nothing changes", async () => {
  const before = await snapshot(side.foreign)
  const audited = (await emu.db.collection(COLLECTIONS.auditLog).where({ actor: QH }).count()).total
  const answers: Record<string, string> = {}
  for (const [key, input] of Object.entries(TARGETED)) {
    const res = await call(QH, key, input(side.foreign))
    answers[key] = res.ok ? 'OK' : res.code
  }
  for (const key of CITY_ONLY) answers[key] = ((r) => (r.ok ? 'OK' : r.code))(await call(QH, key, key.endsWith('sweep') ? {} : {}))
  expect(answers).toEqual(Object.fromEntries(Object.keys(answers).map((k) => [k, 'FORBIDDEN'])))
  expect(await snapshot(side.foreign)).toBe(before)
  expect((await emu.db.collection(COLLECTIONS.auditLog).where({ actor: QH }).count()).total).toBe(audited)
})

test("no list, figure or export she reads holds another union's things or members; the city's does", async () => {
  for (const [key, { input, cityShows }] of Object.entries(LISTS)) {
    const hers = JSON.stringify(okData(await call(QH, key, input)))
    expect({ key, leaked: foreignMarkers.filter((m) => hers.includes(`"${m}"`) || hers.includes(m)) }).toEqual({ key, leaked: [] })
    if (!cityShows) continue
    const city = JSON.stringify(okData(await call(CITY, key, input)))
    expect({ key, cityShows: foreignMarkers.some((m) => city.includes(m)) }).toEqual({ key, cityShows: true })
  }
  // her roster is her district's members only, every row of it
  const roster = okData(await call(QH, 'member.listRoster', { pageSize: 50 })) as { rows: { unionId: string | null }[]; total: number }
  const qinhuaiMembers = (await emu.db.collection(COLLECTIONS.roster).where({ unionPath: HERS }).count()).total
  expect(roster.total).toBe(qinhuaiMembers)
})

// the allowed calls change things (a deletion carried out, a report dismissed): they run after the reads
test('the same officer gets past authorisation on her own things; the city on both', async () => {
  for (const [who, sides] of [
    [QH, [side.own]],
    [CITY, [side.own, side.foreign]],
  ] as const) {
    for (const s of sides) {
      for (const [key, input] of Object.entries(TARGETED)) {
        const res = await call(who, key, input(s))
        expect({ who, key, code: res.ok ? 'OK' : res.code }).not.toEqual({ who, key, code: 'FORBIDDEN' })
      }
    }
  }
  for (const key of CITY_ONLY) {
    const res = await call(CITY, key, {})
    expect({ key, code: res.ok ? 'OK' : res.code }).not.toEqual({ key, code: 'FORBIDDEN' })
  }
  // each change she made is in the audit log with the union she acted for
  const entries = (await emu.db.collection(COLLECTIONS.auditLog).where({ actor: QH }).limit(1000).get()).data as {
    union: string
    unionName: string
  }[]
  expect(entries.length).toBeGreaterThan(5)
  expect(new Set(entries.map((e) => `${e.union} ${e.unionName}`))).toEqual(new Set([`${HERS} 秦淮区总工会`]))
})
