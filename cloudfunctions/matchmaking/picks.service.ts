/**
 * The pick window and the deadline. The directory is frozen once, at the first
 * read after the window opens. A submission is stored as its K tokens and
 * nothing else; the reply is the same bytes whatever was picked. At the deadline
 * one caller wins the phase change, pairs are computed from shared tokens, the
 * matches are written, the phase flips to 'matched' (both sides see it at that
 * one moment), the tokens are deleted and each matched person gets a notice
 * that names nobody.
 */
import type { Clock } from '../common/clock'
import { fail } from '../common/errors'
import type { Notices } from '../common/notices'
import { noticePage } from '~types/routes'
import type { DirectoryDTO, DirectoryEntryDTO, SubmitPicksResult } from '~types/matchmaking'
import type { DirectoryDoc, MatchDoc, MatchSide, MixerDoc, SignupDoc } from './matchmaking.docs'
import type { MixerRepository } from './mixer.repository'
import { computeMatches, submissionRefusal } from './picks.rules'
import { blockId, matchId, picksId, type PicksRepository } from './picks.repository'
import { signupId, type SignupRepository } from './signup.repository'

/** A matching left in 'matching' this long belongs to a call that died: another may finish it (it is idempotent). */
const MATCHING_STALE_MS = 120_000

export interface PicksDeps {
  clock: Clock
  mixers: MixerRepository
  signups: SignupRepository
  picks: PicksRepository
  notices: Notices<'match_found', 'match'>
}

const entryDTO = (e: DirectoryDoc['entries'][number]): DirectoryEntryDTO => ({ badge: e.badge, publicKey: e.publicKey, ...e.profile })

export function createPicksService({ clock, mixers, signups, picks, notices }: PicksDeps) {
  async function frozen(m: MixerDoc): Promise<DirectoryDoc> {
    const have = await mixers.directory(m._id)
    if (have) return have
    const rows = (await signups.checkedIn(m._id)).filter((d) => d.publicKey && d.badge && d.state === 'approved')
    const entries = rows.map((d) => ({ ref: d.ref, badge: d.badge!, gender: d.gender, publicKey: d.publicKey!, profile: d.profile }))
    return mixers.freezeDirectory({ _id: m._id, frozenAt: clock(), entries: entries.sort((a, b) => a.badge - b.badge) })
  }

  async function attendee(openid: string, m: MixerDoc): Promise<{ d: SignupDoc | null; dir: DirectoryDoc | null }> {
    const d = await signups.get(signupId(m._id, openid))
    if (clock() < m.pickOpensAt) return { d, dir: null }
    return { d, dir: await frozen(m) }
  }

  /** One caller wins the phase change (or takes over a matching whose call died). */
  async function claimMatching(m: MixerDoc, now: number): Promise<boolean> {
    if (await mixers.movePhase(m._id, 'open', { phase: 'matching', matchingAt: now })) return true
    const stale = m.phase === 'matching' && (m.matchingAt ?? 0) < now - MATCHING_STALE_MS
    return stale && (await mixers.movePhase(m._id, 'matching', { matchingAt: now }))
  }

  /** The mutual picks of the frozen directory's attendees, as match documents (blocked pairs left out). */
  async function matchesOf(m: MixerDoc, now: number): Promise<{ matches: MatchDoc[]; names: Map<string, string> }> {
    const dir = await frozen(m)
    const byRef = new Map(dir.entries.map((e) => [e.ref, e]))
    const subs = (await picks.ofMixer(m._id)).filter((p) => byRef.has(p.ref))
    const rows = new Map(
      (
        await signups.byRefs(
          m._id,
          subs.map((s) => s.ref),
        )
      ).map((d) => [d.ref, d]),
    )
    const candidates = computeMatches(subs.map((s) => ({ ref: s.ref, gender: byRef.get(s.ref)!.gender, tokens: s.tokens })))
    const blocked = await picks.blocked(candidates.map(([a, b]) => blockId(rows.get(a)?.openid ?? a, rows.get(b)?.openid ?? b)))
    const pairs = candidates.filter(
      ([a, b]) => rows.has(a) && rows.has(b) && !blocked.has(blockId(rows.get(a)!.openid, rows.get(b)!.openid)),
    )
    const side = (ref: string): MatchSide => {
      const [d, e] = [rows.get(ref)!, byRef.get(ref)!]
      return { ref, openid: d.openid, badge: e.badge, profile: e.profile, contact: null, ended: false }
    }
    const matches = pairs.map(([a, b]) => ({ _id: matchId(m._id, a, b), mixerId: m._id, a: side(a), b: side(b), createdAt: now }))
    return { matches, names: new Map([...rows.values()].map((d) => [d.openid, d.maskedName])) }
  }

  /** Each matched person once: a notice that names nobody (`names`: the masked name it is addressed to). */
  async function tell(m: MixerDoc, matches: MatchDoc[], names: Map<string, string>): Promise<void> {
    for (const openid of new Set(matches.flatMap((x) => [x.a.openid, x.b.openid]))) {
      await notices.send({
        openid,
        toName: names.get(openid) ?? '',
        kind: 'match_found',
        page: noticePage('matchmakingMatches', { id: m._id }),
        fields: [
          { label: '活动名称', value: m.title },
          { label: '结果', value: '心动选择结果已公布，请进入小程序查看' },
        ],
      })
    }
  }

  async function runMatching(m: MixerDoc): Promise<number> {
    const now = clock()
    if (!(await claimMatching(m, now))) return 0
    const { matches, names } = await matchesOf(m, now)
    for (const x of matches) await picks.saveMatch(x)
    await mixers.movePhase(m._id, 'matching', { phase: 'matched', pairs: matches.length })
    await picks.removeOfMixer(m._id)
    await tell(m, matches, names)
    return matches.length
  }

  return {
    runMatching,
    async directory(openid: string, m: MixerDoc): Promise<DirectoryDTO> {
      const { d, dir } = await attendee(openid, m)
      if (!d?.checkedInAt) fail('MIXER_NOT_CHECKED_IN')
      if (!dir) fail('PICK_NOT_OPEN')
      const me = dir.entries.find((e) => e.ref === d.ref)
      if (!me) fail('MIXER_NOT_CHECKED_IN', undefined, '您签到时未登记本机密钥，不能参与心动选择')
      const sent = await picks.get(m._id, d.ref)
      return {
        mixerId: m._id,
        frozenAt: dir.frozenAt,
        k: m.k,
        pickClosesAt: m.pickClosesAt,
        me: entryDTO(me),
        others: dir.entries.filter((e) => e.gender !== me.gender).map(entryDTO),
        submittedAt: sent?.updatedAt ?? null,
      }
    },
    async submit(openid: string, m: MixerDoc, tokens: string[]): Promise<SubmitPicksResult> {
      const { d, dir } = await attendee(openid, m)
      const inDir = !!d && !!dir?.entries.some((e) => e.ref === d.ref)
      const refusal = submissionRefusal(m, { checkedIn: !!d?.checkedInAt, hasKey: inDir }, tokens, clock())
      if (refusal) fail(refusal)
      const at = clock()
      await picks.save({ _id: picksId(m._id, d!.ref), mixerId: m._id, ref: d!.ref, gender: d!.gender, tokens, updatedAt: at })
      return { accepted: true, k: m.k, submittedAt: at }
    },
    /** These very tokens stored (a same-id retry of `submit`, perhaps after the deadline): the first answer. */
    async submitted(openid: string, m: MixerDoc, tokens: string[]): Promise<SubmitPicksResult | null> {
      const d = await signups.get(signupId(m._id, openid))
      const p = d ? await picks.get(m._id, d.ref) : null
      const same = p && p.tokens.length === tokens.length && p.tokens.every((t, i) => t === tokens[i])
      return same ? { accepted: true, k: m.k, submittedAt: p.updatedAt } : null
    },
  }
}

export type PicksService = ReturnType<typeof createPicksService>
