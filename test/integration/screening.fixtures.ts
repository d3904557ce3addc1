/** Shared set-up of the screening integration tests: verified members, staff, a programme. */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { Db } from '../../cloudfunctions/common/db'
import type { RosterDoc, UserDoc } from '../../cloudfunctions/common/member-docs'
import { programmeDocs, saveProgramme } from '../../cloudfunctions/screening/programme.service'
import { addDays, beijingDate } from '../../cloudfunctions/common/time'
import type { CreateProgrammeRequest } from '~types/screening'

export interface MemberSpec {
  openid: string
  name?: string
  gender?: 'F' | 'M' | ''
  birthDate?: string
  tags?: string[]
  branch?: string
  /** Her union's place in the tree (issue 20); absent: a record imported before the tree. */
  unionPath?: string[]
}

function docsOf(m: MemberSpec, i: number): { roster: RosterDoc; user: UserDoc } {
  const cardNo = `T${m.openid.replace(/[^A-Za-z0-9]/g, '').slice(-10)}${i}`
  const roster: RosterDoc = {
    _id: cardNo,
    cardNo,
    name: m.name ?? '王秀英',
    phone: `139${String(10000000 + i).slice(-8)}`,
    branch: m.branch ?? '美团外卖骑手联合工会',
    tags: m.tags ?? ['新就业形态'],
    gender: m.gender ?? 'F',
    birthDate: m.birthDate ?? '1985-06-01',
    boundOpenid: m.openid,
    ...(m.unionPath ? { unionId: m.unionPath[m.unionPath.length - 1], unionPath: m.unionPath } : {}),
    importedAt: 0,
    updatedAt: 0,
  }
  const user: UserDoc = { _id: m.openid, rosterId: cardNo, verifiedAt: 1, roles: [], deletionRequestedAt: null, createdAt: 0, updatedAt: 0 }
  return { roster, user }
}

/** Verified members written straight through the SDK, 100 documents per insert. */
export async function seedMembers(db: Db, members: MemberSpec[], offset = 0): Promise<void> {
  for (let i = 0; i < members.length; i += 100) {
    const docs = members.slice(i, i + 100).map((m, j) => docsOf(m, offset + i + j))
    await db.collection(COLLECTIONS.roster).add(docs.map((d) => d.roster))
    await db.collection(COLLECTIONS.users).add(docs.map((d) => d.user))
  }
}

export async function seedRole(db: Db, openid: string, role: UserDoc['roles'][number]): Promise<void> {
  await db
    .collection(COLLECTIONS.users)
    .add({ _id: openid, rosterId: null, verifiedAt: null, roles: [role], deletionRequestedAt: null, createdAt: 0, updatedAt: 0 })
}

export const staffOf = (siteId: string) => ({ role: 'staff' as const, scope: { kind: 'site' as const, id: siteId, name: siteId } })

export const HOUR = 3600_000

/**
 * A programme released an hour before `now`, with `perSession` places in
 * each of `sessions` sessions per site, starting tomorrow (Beijing).
 */
export function programmeRequest(
  now: number,
  o: { id?: string; sites?: string[]; sessions?: number; perSession?: number; days?: number } = {},
): CreateProgrammeRequest {
  const first = addDays(beijingDate(now), 1)
  const starts = ['07:00', '08:00', '18:00', '19:00', '12:00', '13:00']
  const sites = (o.sites ?? ['site-a']).map((id) => ({
    id,
    name: `${id} 筛查点`,
    hospital: '市妇幼保健院',
    address: '南京市鼓楼区',
    phone: '025-00000000',
    whatToBring: ['身份证'],
    sessions: Array.from({ length: o.days ?? 1 }).flatMap((_x, d) =>
      starts.slice(0, o.sessions ?? 2).map((start) => ({
        date: addDays(first, d),
        start,
        end: `${String(Number(start.slice(0, 2)) + 1).padStart(2, '0')}:00`,
        capacity: o.perSession ?? 5,
      })),
    ),
  }))
  const total = sites.reduce((n, s) => n + s.sessions.reduce((m, x) => m + x.capacity, 0), 0)
  return {
    id: o.id ?? 'prog-test',
    name: '两癌筛查（测试）',
    description: '测试项目',
    organiser: '市总工会',
    privacyNotice: { version: 'v1', text: '个人信息告知' },
    eligibility: { gender: 'F', ageMin: 30, ageMax: 60, tagsAny: ['新就业形态'], branches: [], notScreenedBefore: true },
    priority: null,
    totalQuota: total,
    releaseAt: now - HOUR,
    bookingClosesAt: now + 30 * 24 * HOUR,
    cancelDeadlineHours: 2,
    sites,
  }
}

export async function seedProgramme(db: Db, req: CreateProgrammeRequest, now: number): Promise<void> {
  await saveProgramme(db, programmeDocs(req, now, 'test'))
}

export async function sessionDocs(
  db: Db,
  programmeId: string,
): Promise<{ _id: string; capacity: number; left: number; holders: Record<string, unknown> }[]> {
  const res = await db.collection(COLLECTIONS.screeningSessions).where({ programmeId }).limit(1000).get()
  return res.data as never
}

export async function ledgers(db: Db, programmeId: string): Promise<{ _id: string; openid: string; status: string; sessionId: string }[]> {
  const res = await db.collection(COLLECTIONS.screeningBookings).where({ programmeId }).limit(1000).get()
  return res.data as never
}
