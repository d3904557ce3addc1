/** Stored shapes of the matchmaking function. Only repositories read them; DTO mappers whitelist what leaves. */
import type { ClaimDoc } from '../common/claim-ledger'
import type { Owned } from '../common/unions'
import type {
  ContactKind,
  FiguresDTO,
  Gender,
  MixerInput,
  MixerProfileDTO,
  ProfileTextField,
  ReportReason,
  Sector,
  SignupStatus,
} from '~types/matchmaking'

/** Owned (issue 20): `unionId`, `unionPath` of its 主办 (absent on older ones: the city's); `organiser` is its name. */
export interface MixerDoc extends MixerInput, Omit<Owned, 'organiser'> {
  _id: string
  /** Only members of this union's subtree may sign up: the owner's, for a district's or grassroots union's mixer. */
  within?: { unionId: string; name: string } | null
  phase: 'open' | 'matching' | 'matched' | 'purged'
  badgeSeq: number
  matchingAt: number | null
  pairs: number | null
  /** Aggregate figures kept when the personal data goes (retention). */
  figures: FiguresDTO | null
  /** The officer's request that last saved it: a same-id retry answers it (`saveMixer` recover). */
  requestId?: string | null
  createdAt: number
  updatedAt: number
}

/** `mixer_places`: `${mixerId}:${gender}` (bounded per gender) and `${mixerId}:sector:${sector}` (quota). */
export interface PlaceDoc {
  _id: string
  mixerId: string
  left: number
  /** What `left` was set up with, so an officer's edit moves `left` by the difference exactly once (absent on old documents). */
  capacity?: number
  waitSeq: number
  /** Check-ins of this gender (gender places only). */
  checkedIn?: number
  holders: Record<string, { ref: string; n: number }>
}

/** `mixer_signups`: `_id` `${mixerId}:${openid}`, one per member per mixer; a claim of the kit's ledger. */
export interface SignupDoc extends ClaimDoc {
  mixerId: string
  openid: string
  /** Random reference: what picks, matches and officer screens use instead of the openid. */
  ref: string
  state: SignupStatus | 'pending' | 'failed'
  gender: Gender
  profile: MixerProfileDTO
  maskedName: string
  signedUpAt: number
  /** Waiting-list order within the gender (assigned once, on joining). */
  seq: number | null
  offerExpiresAt: number | null
  rejectReason: string | null
  /** The sector quota place a place here also takes (the mixer caps this sector), else null. */
  sectorHold: Sector | null
  checkedInAt: number | null
  badge: number | null
  publicKey: string | null
  /** The request that last moved it (a cancel, an offer answered, a check-in, a decision): what `recover` reads. */
  lastRequestId?: string | null
  updatedAt: number
}

export interface ProfileDoc extends Omit<MixerProfileDTO, 'gender' | 'birthYear'> {
  _id: string // openid
  updatedAt: number
  /** Set while WeChat's check asked for review of this text (absent or null: shown as is). */
  hold?: ProfileHold | null
}

/** A held profile text: `ref` names it in the officers' queue (never her openid); a new save makes a new ref. */
export interface ProfileHold {
  ref: string
  /** approved: an officer let it through (kept, so a retried decision finds its answer). */
  state: 'pending' | 'returned' | 'approved'
  fields: ProfileTextField[]
  label: number
  maskedName: string
  reason: string | null
  at: number
  decidedAt?: number
}

export interface StatementDoc {
  _id: string // openid
  version: string
  text: string
  signedAt: number
  withdrawnAt: number | null
}

export interface DirectoryDoc {
  _id: string // mixerId
  frozenAt: number
  entries: { ref: string; badge: number; gender: Gender; publicKey: string; profile: MixerProfileDTO }[]
}

/** `mixer_picks`: `${mixerId}:${ref}`: exactly K opaque tokens; deleted once matched. */
export interface PicksDoc {
  _id: string
  mixerId: string
  ref: string
  gender: Gender
  tokens: string[]
  updatedAt: number
}

export interface MatchSide {
  ref: string
  openid: string
  badge: number
  profile: MixerProfileDTO
  contact: { kind: ContactKind; value: string } | null
  ended: boolean
}

export interface MatchDoc {
  _id: string
  mixerId: string
  a: MatchSide
  b: MatchSide
  createdAt: number
}

export interface ReportDoc {
  _id: string
  mixerId: string
  mixerTitle: string
  /** Kept only so one person cannot file the same report twice; never returned by any action. */
  reporterRef: string
  subjectOpenid: string
  subject: { badge: number | null; nickname: string; maskedName: string }
  reason: ReportReason
  note: string
  at: number
  status: 'open' | 'dismissed' | 'barred'
}

export interface BarDoc {
  _id: string // openid of the barred member
  reportId: string
  reason: string
  until: number
  liftedAt: number | null
  appeal: { text: string; at: number; outcome: 'pending' | 'upheld' | 'lifted' } | null
  /** The officer's request that wrote it (`barMember` recover). */
  requestId?: string | null
  at: number
}
