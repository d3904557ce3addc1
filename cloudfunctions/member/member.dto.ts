import { type CallerAccount, isOfficer } from '../common/auth'
import { maskCardNo, maskName, maskPhone } from '../common/mask'
import { memberRef } from '../common/member-ref'
import type { RosterDoc, StoredRole, UserDoc } from '../common/member-docs'
import type { DeletionRequestDoc } from './deletion.repository'
import type { DeletionStatusDTO, MeDTO, ProfileDTO, RoleDTO, RosterRowDTO } from '~types/member'
import type { OfficerUnionDTO } from '~types/unions'

/** The owner's own profile: unmasked, only ever sent to the bound openid. */
function ownProfile(roster: RosterDoc, verifiedAt: number): ProfileDTO {
  const { name, cardNo, phone, branch, tags, gender, birthDate } = roster
  return { name, cardNo, phone, branch, tags: [...tags], gender, birthDate, verifiedAt }
}

/** A city officer's node stands in until her own is read (a legacy role without a node is the city's). */
const CITY: OfficerUnionDTO = { unionId: null, name: '市总工会', level: 'city', all: true }

function roleDTO(role: StoredRole, union: OfficerUnionDTO | null): RoleDTO {
  return role.role === 'officer' ? { role: 'officer', union: union ?? CITY } : { role: 'staff', scope: { ...role.scope } }
}

export function deletionStatus(doc: DeletionRequestDoc): DeletionStatusDTO {
  return { requestedAt: doc.requestedAt, status: doc.status, processedAt: doc.processedAt ?? null, outcome: doc.outcome ?? null }
}

/** Her account as the router read it, with her user document read again after a change (bootstrap officers stay officers). */
export function withUser(account: CallerAccount, user: UserDoc | null): CallerAccount {
  const stored = user?.roles ?? []
  const bootstrap = isOfficer(account) && !account.user?.roles.some((r) => r.role === 'officer')
  return { openid: account.openid, user, roles: bootstrap ? [...stored, { role: 'officer' }] : [...stored] }
}

/** Verified only while the user and the roster record point at each other. */
export function boundRoster(account: CallerAccount, roster: RosterDoc | null): RosterDoc | null {
  const user = account.user
  return user?.verifiedAt && roster && roster._id === user.rosterId && roster.boundOpenid === account.openid ? roster : null
}

export function toMeDTO(
  account: CallerAccount,
  roster: RosterDoc | null,
  deletion: DeletionStatusDTO | null = null,
  union: OfficerUnionDTO | null = null,
): MeDTO {
  const bound = boundRoster(account, roster)
  const roles: RoleDTO[] = bound ? [{ role: 'member' }] : []
  return {
    verified: !!bound,
    profile: bound ? ownProfile(bound, account.user!.verifiedAt!) : null,
    roles: [...roles, ...account.roles.map((r) => roleDTO(r, union))],
    deletionRequestedAt: account.user?.deletionRequestedAt ?? null,
    deletion,
  }
}

/** What an officer sees of someone else's record (PIPL: masked). */
export function toRosterRow(doc: RosterDoc): RosterRowDTO {
  return {
    name: maskName(doc.name),
    cardNo: maskCardNo(doc.cardNo),
    phone: doc.phone ? maskPhone(doc.phone) : '',
    branch: doc.branch,
    tags: [...doc.tags],
    gender: doc.gender,
    bound: !!doc.boundOpenid,
    unionId: doc.unionId ?? null,
    memberRef: memberRef(doc._id),
  }
}
