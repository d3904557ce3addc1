/**
 * After the deadline: each person sees only her own matches (badge, nickname,
 * introduction). A contact is typed for this purpose and shown to the other only
 * once both offered; either may end it (decline, or block: never matched again),
 * after which nothing more is shown to either.
 */
import type { Clock } from '../common/clock'
import { fail } from '../common/errors'
import type { MatchDTO, MatchesDTO, OfferContactRequest } from '~types/matchmaking'
import type { MatchDoc, MixerDoc } from './matchmaking.docs'
import { matchDTO } from './matchmaking.dto'
import type { MixerRepository } from './mixer.repository'
import { blockId, type PicksRepository } from './picks.repository'
import type { PicksService } from './picks.service'

export interface MatchDeps {
  clock: Clock
  mixers: MixerRepository
  picks: PicksRepository
  pickService: PicksService
}

export function createMatchService({ clock, mixers, picks, pickService }: MatchDeps) {
  async function mine(openid: string, id: string): Promise<{ m: MatchDoc; side: 'a' | 'b' }> {
    const m = await picks.match(id)
    if (!m) fail('NOT_FOUND', 'matchId')
    if (m.a.openid === openid) return { m, side: 'a' }
    if (m.b.openid === openid) return { m, side: 'b' }
    fail('NOT_FOUND', 'matchId') // someone else's match does not exist, as far as the caller can tell
  }

  return {
    async list(openid: string, mixer: MixerDoc): Promise<MatchesDTO> {
      let m = mixer
      if (m.phase !== 'matched' && m.phase !== 'purged' && clock() >= m.pickClosesAt) {
        await pickService.runMatching((await mixers.fresh(m._id)) ?? m)
        m = (await mixers.fresh(m._id)) ?? m
      }
      if (m.phase !== 'matched') return { published: false, matches: [] }
      const rows = await picks.matchesOf(m._id, openid)
      return {
        published: true,
        matches: rows.map((r) => matchDTO(r, r.a.openid === openid ? r.a.ref : r.b.ref)).sort((x, y) => x.badge - y.badge),
      }
    },
    async offer(openid: string, i: OfferContactRequest): Promise<MatchDTO> {
      const { m, side } = await mine(openid, i.matchId)
      if (m.a.ended || m.b.ended) fail('MATCH_ENDED')
      const contact = { kind: i.kind, value: i.value }
      await picks.updateMatch(m._id, { [`${side}.contact`]: contact })
      const next = { ...m, [side]: { ...m[side], contact } } as MatchDoc
      return matchDTO(next, next[side].ref)
    },
    async end(openid: string, matchId: string, block: boolean): Promise<MatchDTO> {
      const { m, side } = await mine(openid, matchId)
      await picks.updateMatch(m._id, { [`${side}.ended`]: true, [`${side}.contact`]: null })
      if (block) await picks.block(blockId(m.a.openid, m.b.openid), clock())
      const next = { ...m, [side]: { ...m[side], ended: true, contact: null } } as MatchDoc
      return matchDTO(next, next[side].ref)
    },
  }
}
