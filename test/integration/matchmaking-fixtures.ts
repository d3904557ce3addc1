/** Members, a mixer and the phone side (key pairs, tokens) for the matchmaking integration tests. */
import { randomBytes } from 'node:crypto'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { Db } from '../../cloudfunctions/common/db'
import type { Gender, SaveMixerRequest } from '~types/matchmaking'
import { SINGLE_STATEMENT } from '~types/matchmaking'
import { keyPairFrom, paddedSubmission, pickToken, type PickKeyPair } from '~src/packages/matchmaking/lib/pick-crypto'
import { invoke, okData } from '../support/invoke'

export type Main = Parameters<typeof invoke>[0]
export const HOUR = 3_600_000
export const OFFICER = 'mx-officer'
export const STAFF = 'mx-staff'

export interface Person {
  openid: string
  gender: Gender
}

export async function seedPeople(db: Db, people: Person[], birthDate = '1996-03-04'): Promise<void> {
  for (let i = 0; i < people.length; i += 100) {
    const chunk = people.slice(i, i + 100)
    await db.collection(COLLECTIONS.roster).add(
      chunk.map((p, j) => ({
        _id: `MX${String(i + j).padStart(6, '0')}`,
        name: `成员${i + j}`,
        cardNo: `MX${i + j}`,
        phone: `139${String(i + j).padStart(8, '0')}`,
        branch: '山阳区总工会',
        tags: [],
        gender: p.gender,
        birthDate,
        boundOpenid: p.openid,
        importedAt: 0,
        updatedAt: 0,
      })),
    )
    await db.collection(COLLECTIONS.users).add(
      chunk.map((p, j) => ({
        _id: p.openid,
        rosterId: `MX${String(i + j).padStart(6, '0')}`,
        verifiedAt: 1,
        roles: [],
        deletionRequestedAt: null,
        createdAt: 0,
        updatedAt: 0,
      })),
    )
  }
}

export async function seedOfficer(db: Db): Promise<void> {
  await db.collection(COLLECTIONS.users).add({
    _id: OFFICER,
    rosterId: null,
    verifiedAt: null,
    roles: [{ role: 'officer' }],
    deletionRequestedAt: null,
    createdAt: 0,
    updatedAt: 0,
  })
}

/** Event staff of these mixers (the check-in desk). */
export async function seedEventStaff(db: Db, mixerIds: string[], openid = STAFF): Promise<void> {
  await db
    .collection(COLLECTIONS.users)
    .doc(openid)
    .set({
      rosterId: null,
      verifiedAt: null,
      deletionRequestedAt: null,
      createdAt: 0,
      updatedAt: 0,
      roles: mixerIds.map((id) => ({ role: 'staff', scope: { kind: 'event', id, name: id } })),
    })
}

/** Sign-up open since an hour before `now`; the mixer tomorrow evening; picks 20:00–21:00 of that day. */
export function mixerRequest(now: number, o: Partial<SaveMixerRequest> = {}): SaveMixerRequest {
  const starts = now + 24 * HOUR
  return {
    title: '七夕单身青年联谊会',
    programme: '测试 2027',
    organiser: '山阳区总工会',
    coOrganisers: ['团区委', '区妇联'],
    venue: '恩州驿古街广场',
    startsAt: starts,
    endsAt: starts + 4 * HOUR,
    placesByGender: { M: 20, F: 20 },
    sectorQuotas: {},
    ageMin: 20,
    ageMax: 40,
    signupOpensAt: now - HOUR,
    signupClosesAt: starts - HOUR,
    review: 'auto',
    k: 3,
    pickOpensAt: starts + 2 * HOUR,
    pickClosesAt: starts + 3 * HOUR,
    retentionDays: 30,
    offerHoldMinutes: 60,
    description: '',
    ...o,
  }
}

/** Profile + single statement for each person (what the member pages do before signing up). */
export async function prepare(main: Main, people: Person[]): Promise<void> {
  await Promise.all(
    people.map(async (p, i) => {
      okData(
        await invoke(main, p.openid, 'saveProfile', {
          nickname: `昵称${i}`,
          sector: i % 3 === 0 ? '企业' : '机关事业',
          intro: '喜欢爬山和看电影',
        }),
      )
      okData(await invoke(main, p.openid, 'signStatement', { version: SINGLE_STATEMENT.version }))
    }),
  )
}

export const rand = (n: number) => new Uint8Array(randomBytes(n))

/** A phone: its key pair never leaves it (here: the test's memory). */
export interface Phone extends Person {
  keys: PickKeyPair
  badge: number
}

/** Registers a fresh key, shows the code, staff scan it. */
export async function checkIn(main: Main, mixerId: string, p: Person): Promise<Phone> {
  const keys = keyPairFrom(rand(32))
  okData(await invoke(main, p.openid, 'registerKey', { mixerId, publicKey: keys.publicKey }))
  const code = okData(await invoke(main, p.openid, 'checkinCode', { mixerId }))
  const r = okData(await invoke(main, STAFF, 'checkIn', { mixerId, token: code.token }))
  return { ...p, keys, badge: r.badge }
}

/** What the pick page does: derive a token per chosen public key, pad to K. */
export function submissionFor(mixerId: string, me: Phone, chosen: string[], k: number): string[] {
  return paddedSubmission(
    chosen.map((pk) => pickToken(mixerId, me.keys.secretKey, me.keys.publicKey, pk)!),
    k,
    rand,
  )
}
