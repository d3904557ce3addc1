/** Whitelisting mappers: raw documents (openids, claim ids, holders) never reach the client. */
import type { MatchDTO, MixerDTO, SignupDTO } from '~types/matchmaking'
import type { MatchDoc, MixerDoc, SignupDoc } from './matchmaking.docs'

export function mixerDTO(m: MixerDoc): MixerDTO {
  return {
    id: m._id,
    unionId: m.unionId ?? null,
    title: m.title,
    programme: m.programme,
    organiser: m.organiser,
    coOrganisers: m.coOrganisers,
    venue: m.venue,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    placesByGender: m.placesByGender,
    sectorQuotas: m.sectorQuotas,
    ageMin: m.ageMin,
    ageMax: m.ageMax,
    signupOpensAt: m.signupOpensAt,
    signupClosesAt: m.signupClosesAt,
    review: m.review,
    k: m.k,
    pickOpensAt: m.pickOpensAt,
    pickClosesAt: m.pickClosesAt,
    retentionDays: m.retentionDays,
    offerHoldMinutes: m.offerHoldMinutes,
    description: m.description,
    phase: m.phase === 'matching' ? 'open' : m.phase,
  }
}

export function signupDTO(d: SignupDoc, mixerTitle: string, position: number | null): SignupDTO {
  return {
    mixerId: d.mixerId,
    mixerTitle,
    status: d.state === 'pending' || d.state === 'failed' ? 'cancelled' : d.state,
    position: d.state === 'waiting' ? position : null,
    offerExpiresAt: d.state === 'offered' ? d.offerExpiresAt : null,
    rejectReason: d.rejectReason,
    checkedInAt: d.checkedInAt,
    badge: d.badge,
    publicKey: d.publicKey,
  }
}

/** The other side of a match as I may see it: their contact only once both offered and neither ended it. */
export function matchDTO(m: MatchDoc, myRef: string): MatchDTO {
  const [me, them] = m.a.ref === myRef ? [m.a, m.b] : [m.b, m.a]
  const ended = me.ended || them.ended
  const exchanged = !ended && !!me.contact && !!them.contact
  return {
    id: m._id,
    badge: them.badge,
    nickname: them.profile.nickname,
    intro: them.profile.intro,
    sector: them.profile.sector,
    birthYear: them.profile.birthYear,
    myContact: ended ? null : me.contact,
    theirContact: exchanged ? them.contact : null,
    state: ended ? 'ended' : exchanged ? 'exchanged' : me.contact ? 'waiting' : 'open',
  }
}
