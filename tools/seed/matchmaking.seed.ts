/**
 * Demo data of 会聚良缘 (issue #10), set in the demo city (issue 19 defect 17). The 七夕 mixer of
 * 秦淮区总工会 with 团区委 and 区妇联 at 老门东, the ninth year of the brand: 234 single
 * young workers (117 + 117) signed up, approved, checked in with badge numbers
 * and keys made here (as their phones would; the private keys are thrown away),
 * their picks submitted as K tokens each, 7 of them mutual, so the deadline
 * yields the story's 7 pairs (plus whatever the demo singles do). Times are
 * relative to `now`: check-in is open, the pick window opens in 2 hours.
 * And 南京市总工会's year of 20 青年职工联谊交友活动, two in each of ten districts. A description never
 * states a time of its own: the one it names is made from the mixer's field (defect 14). Idempotent: deterministic
 * ids, only what is missing is inserted.
 */
import { createPublicKey, diffieHellman, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { Db } from '../../cloudfunctions/common/db'
import { insertOnce, isDuplicate } from '../../cloudfunctions/common/db-errors'
import { maskName } from '../../cloudfunctions/common/mask'
import type { RosterDoc } from '../../cloudfunctions/common/member-docs'
import type { MixerDoc, PicksDoc, SignupDoc } from '../../cloudfunctions/matchmaking/matchmaking.docs'
import { createMixerRepository, genderPlaceId } from '../../cloudfunctions/matchmaking/mixer.repository'
import { paddedSubmission, tokenFromShared } from '~src/packages/matchmaking/lib/pick-crypto'
import { SINGLE_STATEMENT, type Gender, type MixerInput, type Sector } from '~types/matchmaking'
import { prng } from './roster-generator'
import { CITY_UNION_ID, pathOf, unionDocs, unitByName } from './union-structure'
import { shanghai } from '../../cloudfunctions/common/time'

const HOUR = 3_600_000
const DAY = 24 * HOUR
export const QIXI_ID = 'mixer-qixi-qinhuai'
/** 秦淮区总工会 runs it (issue 20): 陈红 (`demo-district-officer`) reviews it, its members sign up. */
export const QIXI_OWNER = 'u-qinhuai'
export const QIXI_PROGRAMME = '秦淮区总工会 会聚良缘（第九届）'
export const YEAR_PROGRAMME = '南京市总工会 2027 年青年职工联谊交友活动'
export const SEEDED_PER_GENDER = 117
export const SEEDED_PAIRS = 7
const K = 3

const GIVEN_NAMES: Record<Gender, string[]> = {
  M: ['伟', '磊', '浩', '鹏', '超', '杰', '宇'],
  F: ['婷', '静', '雪', '琳', '颖', '璐', '欣'],
}
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟'
const NICK_M = ['阳光', '老实人', '爱跑步', '小林', '紫金山下', '骑行者', '程序猿', '大橙子', '安静的风', '玄武湖', '木子', '北辰']
const NICK_F = ['小雨', '向日葵', '梨花', '青柠', '甜甜', '月牙', '小鹿', '晚风', '糖果', '静好', '书虫', '茉莉']
const INTROS = [
  '喜欢爬山和摄影，周末常去紫金山',
  '爱做饭，想找个一起逛菜市场的人',
  '在社区工作，性格温和',
  '喜欢打羽毛球，欢迎约球',
  '爱看书，偶尔写写字',
  '送外卖三年，踏实肯干',
  '喜欢旅行，去过十几个城市',
  '会弹吉他，喜欢民谣',
]
const SECTORS: Sector[] = ['机关事业', '企业', '新就业形态']
// 秦淮区总工会's mixer is for its own members (issue 20): the attendees come from its grassroots unions.
const BRANCHES = ['美团外卖秦淮站点工会', '苏果超市有限公司工会', '秦淮区家政服务业联合工会', '市妇幼保健院工会']

export function qixiMixer(now: number): MixerInput {
  const pickOpensAt = now + 2 * HOUR
  return {
    title: '七夕 · 会聚良缘 单身青年联谊会（第九届）',
    programme: QIXI_PROGRAMME,
    organiser: '秦淮区总工会',
    coOrganisers: ['共青团秦淮区委', '秦淮区妇女联合会'],
    venue: '秦淮区 老门东历史文化街区 箍桶巷广场',
    startsAt: now - HOUR,
    endsAt: now + 4 * HOUR,
    placesByGender: { M: 120, F: 120 },
    sectorQuotas: {},
    ageMin: 22,
    ageMax: 40,
    signupOpensAt: now - 14 * DAY,
    signupClosesAt: now + 90 * 60_000,
    review: 'officer',
    k: K,
    pickOpensAt,
    pickClosesAt: now + 3 * HOUR,
    retentionDays: 30,
    offerHoldMinutes: 60,
    description: `面向机关事业单位、企业和新就业形态的单身青年职工：游戏破冰、自我介绍，${shanghai(pickOpensAt, 'M月D日 HH:mm')} 起在小程序里悄悄选择心动的人，双方互选才会告知。`,
  }
}

const YEAR_PLACES = ['玄武区', '秦淮区', '建邺区', '鼓楼区', '浦口区', '栖霞区', '雨花台区', '江宁区', '六合区', '溧水区']

/** The districts that run their own evenings of the city's programme (the others are the city's, co-run by the district). */
const DISTRICT_RUN: Record<string, string> = { 玄武区: 'u-xuanwu', 鼓楼区: 'u-gulou' }

/**
 * 20 mixers over the coming year, two per district, evenings of the 2nd and 4th Saturday-ish weeks. 南京市总工会
 * runs most (open to every member); 玄武区 and 鼓楼区总工会 run their own evenings (for their own members).
 */
export function yearMixers(now: number): { id: string; input: MixerInput; unionId: string }[] {
  return Array.from({ length: 20 }, (_x, i) => {
    const starts = now + (10 + i * 17) * DAY
    const place = YEAR_PLACES[i % YEAR_PLACES.length]
    return {
      id: `mixer-nj-${String(i + 1).padStart(2, '0')}`,
      unionId: DISTRICT_RUN[place] ?? CITY_UNION_ID,
      input: {
        title: `南京市青年职工联谊交友活动 第 ${i + 1} 场 · ${place}`,
        programme: YEAR_PROGRAMME,
        organiser: DISTRICT_RUN[place] ? `${place}总工会` : '南京市总工会',
        coOrganisers: [DISTRICT_RUN[place] ? '南京市总工会' : `${place}总工会`],
        venue: `${place}职工服务中心`,
        startsAt: starts,
        endsAt: starts + 4 * HOUR,
        placesByGender: { M: 40, F: 40 },
        sectorQuotas: { 新就业形态: 30 },
        ageMin: 22,
        ageMax: 38,
        signupOpensAt: now - DAY,
        signupClosesAt: starts - DAY,
        review: 'officer',
        k: K,
        pickOpensAt: starts + 2 * HOUR,
        pickClosesAt: starts + 3 * HOUR,
        retentionDays: 30,
        offerHoldMinutes: 120,
        description: '南京市总工会年度青年职工联谊交友系列活动之一。',
      },
    }
  })
}

interface Attendee {
  openid: string
  gender: Gender
  roster: RosterDoc
  /**
   * Made as the phone would, but with Node's native X25519 (same RFC 7748 function as tweetnacl; a unit test checks):
   * 234 of them in milliseconds.
   */
  keys: { privateKey: KeyObject; publicKey: string; raw: Uint8Array }
  badge: number
  sector: Sector
  nickname: string
  intro: string
}

function attendees(now: number): Attendee[] {
  const r = prng(909)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]
  return Array.from({ length: SEEDED_PER_GENDER * 2 }, (_x, i) => {
    const gender: Gender = i % 2 === 0 ? 'M' : 'F'
    const n = Math.floor(i / 2)
    const cardNo = `GH3201${String(5000 + i).padStart(6, '0')}` // after the generated roster (GH3201001000…)
    const year = 1990 + Math.floor(r() * 12)
    const roster: RosterDoc = {
      _id: cardNo,
      name: `${pick(SURNAMES.split(''))}${pick(GIVEN_NAMES[gender])}`,
      cardNo,
      phone: `139${String(37000000 + i).padStart(8, '0')}`,
      ...placeOf(pick(BRANCHES)),
      tags: ['青年'],
      gender,
      birthDate: `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
      boundOpenid: `mx-seed-${i}`,
      importedAt: now,
      updatedAt: now,
    }
    return {
      openid: `mx-seed-${i}`,
      gender,
      roster,
      keys: nativeKeys(),
      badge: i + 1,
      sector: pick(SECTORS),
      nickname: `${pick(gender === 'M' ? NICK_M : NICK_F)}${n + 1}`,
      intro: pick(INTROS),
    }
  })
}

export function nativeKeys(): Attendee['keys'] {
  const { privateKey, publicKey } = generateKeyPairSync('x25519')
  const raw = new Uint8Array(Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url'))
  return { privateKey, publicKey: Buffer.from(raw).toString('base64'), raw }
}

/** The private half as raw bytes (tests compare the native and tweetnacl functions). */
export function rawPrivate(k: KeyObject): Uint8Array {
  return new Uint8Array(Buffer.from(k.export({ format: 'jwk' }).d!, 'base64url'))
}

/** A roster record's place in the tree, from its grassroots union's name. */
function placeOf(branch: string): Pick<RosterDoc, 'branch' | 'unionId' | 'unionPath'> {
  const unit = unitByName(branch)
  if (!unit) throw new Error(`unknown unit ${branch}`)
  return { branch, unionId: unit.id, unionPath: pathOf(unit.id) }
}

/** Owned by `unionId` (issue 20): 主办 is its name; a district's mixer is for its own members (`within`). */
function mixerDoc(id: string, input: MixerInput, now: number, unionId: string, badgeSeq = 0): MixerDoc {
  const owner = unionDocs(now).find((u) => u._id === unionId)!
  const within = owner.path.length > 1 ? { unionId, name: owner.name } : null
  return {
    ...input,
    organiser: owner.name,
    unionId,
    unionPath: owner.path,
    within,
    _id: id,
    phase: 'open',
    badgeSeq,
    matchingAt: null,
    pairs: null,
    figures: null,
    createdAt: now,
    updatedAt: now,
  }
}

async function addMissing(db: Db, collection: string, docs: { _id: string }[]): Promise<number> {
  let n = 0
  for (let i = 0; i < docs.length; i += 100) {
    const chunk = docs.slice(i, i + 100)
    const have = new Set(
      (
        (
          await db
            .collection(collection)
            .where({ _id: db.command.in(chunk.map((d) => d._id)) })
            .limit(100)
            .get()
        ).data as { _id: string }[]
      ).map((d) => d._id),
    )
    const missing = chunk.filter((d) => !have.has(d._id))
    if (missing.length) await db.collection(collection).add(missing)
    n += missing.length
  }
  return n
}

/**
 * For the attendees' documents, made before the 七夕 mixer itself (so a seed that died half-way runs them
 * again): usually none exist yet, so insert without reading first; a clash means a re-run, then only the missing.
 */
async function insertAll(db: Db, collection: string, docs: { _id: string }[]): Promise<number> {
  let n = 0
  for (let i = 0; i < docs.length; i += 100) {
    const chunk = docs.slice(i, i + 100)
    try {
      await db.collection(collection).add(chunk)
      n += chunk.length
    } catch (e) {
      if (!isDuplicate(e)) throw e
      n += await addMissing(db, collection, chunk)
    }
  }
  return n
}

/** Seeded picks: M_i ↔ F_i for i < 7 mutual; everyone else picks one person who does not pick back. */
function picksOf(list: Attendee[], now: number): PicksDoc[] {
  const men = list.filter((a) => a.gender === 'M')
  const women = list.filter((a) => a.gender === 'F')
  const rnd = (n: number) => new Uint8Array(randomBytes(n))
  const tok = (a: Attendee, b: Attendee) =>
    tokenFromShared(
      QIXI_ID,
      new Uint8Array(
        diffieHellman({
          privateKey: a.keys.privateKey,
          publicKey: createPublicKey({
            key: { kty: 'OKP', crv: 'X25519', x: Buffer.from(b.keys.raw).toString('base64url') },
            format: 'jwk',
          }),
        }),
      ),
      a.keys.raw,
      b.keys.raw,
    )!
  const doc = (a: Attendee, chosen: Attendee[]): PicksDoc => ({
    _id: `${QIXI_ID}:${refOf(a)}`,
    mixerId: QIXI_ID,
    ref: refOf(a),
    gender: a.gender,
    tokens: paddedSubmission(
      chosen.map((b) => tok(a, b)),
      K,
      rnd,
    ),
    updatedAt: now,
  })
  return [
    ...men.map((m, i) => doc(m, i < SEEDED_PAIRS ? [women[i]] : [women[(i + 1) % women.length]])),
    ...women.map((f, i) => doc(f, i < SEEDED_PAIRS ? [men[i]] : i % 3 === 0 ? [] : [men[(i + 2) % men.length]])),
  ]
}

const refOf = (a: Attendee) => `seedref${a.badge}`

export async function seedMatchmaking(db: Db, now: number): Promise<number> {
  const repo = createMixerRepository(db)
  let n = 0
  const list = attendees(now)
  const fresh = !(await repo.fresh(QIXI_ID))
  const qixi = qixiMixer(now)
  // One insert per hundred documents: the whole demo seed runs before every browser journey.
  const year = yearMixers(now)
  n += await addMissing(
    db,
    COLLECTIONS.mixers,
    year.map(({ id, input, unionId }) => mixerDoc(id, input, now, unionId)),
  )
  n += await addMissing(
    db,
    COLLECTIONS.mixerPlaces,
    year.flatMap(({ id, input }) => [
      ...(['M', 'F'] as const).map((g) => ({
        _id: genderPlaceId(id, g),
        mixerId: id,
        left: input.placesByGender[g],
        capacity: input.placesByGender[g],
        waitSeq: 0,
        holders: {},
      })),
      { _id: `${id}:sector:新就业形态`, mixerId: id, left: 30, capacity: 30, waitSeq: 0, holders: {} },
    ]),
  )
  if (!fresh) return n // the 七夕 attendees, keys and picks are made once (their private keys are gone)
  n += await insertAll(
    db,
    COLLECTIONS.roster,
    list.map((a) => a.roster),
  )
  n += await insertAll(
    db,
    COLLECTIONS.users,
    list.map((a) => ({
      _id: a.openid,
      rosterId: a.roster._id,
      verifiedAt: now,
      roles: [],
      deletionRequestedAt: null,
      createdAt: now,
      updatedAt: now,
    })),
  )
  n += await insertAll(
    db,
    COLLECTIONS.mixerProfiles,
    list.map((a) => ({ _id: a.openid, nickname: a.nickname, sector: a.sector, intro: a.intro, updatedAt: now })),
  )
  n += await insertAll(
    db,
    COLLECTIONS.mixerStatements,
    list.map((a) => ({
      _id: a.openid,
      version: SINGLE_STATEMENT.version,
      text: SINGLE_STATEMENT.text,
      signedAt: now - 10 * DAY,
      withdrawnAt: null,
    })),
  )
  const holders: Record<Gender, Record<string, { ref: string; n: number }>> = { M: {}, F: {} }
  const signups: SignupDoc[] = list.map((a) => {
    holders[a.gender][`seedclaim${a.badge}`] = { ref: refOf(a), n: 1 }
    return {
      _id: `${QIXI_ID}:${a.openid}`,
      claimId: `seedclaim${a.badge}`,
      pendingAt: now - 10 * DAY,
      requestId: null,
      mixerId: QIXI_ID,
      openid: a.openid,
      ref: refOf(a),
      state: 'approved',
      gender: a.gender,
      maskedName: maskName(a.roster.name),
      signedUpAt: now - 10 * DAY,
      seq: null,
      offerExpiresAt: null,
      rejectReason: null,
      sectorHold: null,
      checkedInAt: now - 50 * 60_000 + a.badge * 10_000,
      badge: a.badge,
      publicKey: a.keys.publicKey,
      updatedAt: now,
      profile: {
        nickname: a.nickname,
        birthYear: Number(a.roster.birthDate.slice(0, 4)),
        gender: a.gender,
        sector: a.sector,
        intro: a.intro,
      },
    }
  })
  n += await insertAll(db, COLLECTIONS.mixerSignups, signups)
  for (const g of ['M', 'F'] as const) {
    const left = qixi.placesByGender[g] - SEEDED_PER_GENDER
    const place = {
      _id: genderPlaceId(QIXI_ID, g),
      mixerId: QIXI_ID,
      left,
      capacity: qixi.placesByGender[g],
      waitSeq: 0,
      checkedIn: SEEDED_PER_GENDER,
      holders: holders[g],
    }
    if (await insertOnce(db.collection(COLLECTIONS.mixerPlaces), place)) n++
  }
  n += await insertAll(db, COLLECTIONS.mixerPicks, picksOf(list, now))
  n += await grantDeskRole(db, now)
  // last: it marks the attendees done
  n += await addMissing(db, COLLECTIONS.mixers, [mixerDoc(QIXI_ID, qixi, now, QIXI_OWNER, list.length)])
  return n
}

/** The demo's event staff also runs the mixer's check-in desk. */
async function grantDeskRole(db: Db, now: number): Promise<number> {
  const r = await db
    .collection(COLLECTIONS.users)
    .where({ _id: 'demo-event-staff', 'roles.scope.id': db.command.neq(QIXI_ID) })
    .update({
      roles: db.command.push({ role: 'staff', scope: { kind: 'event', id: QIXI_ID, name: '七夕 · 会聚良缘 联谊会' } }),
      updatedAt: now,
    })
  return r.updated
}
