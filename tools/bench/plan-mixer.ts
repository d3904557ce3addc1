/**
 * The 七夕 mixer's whole evening for `npm run plan` (issue 17 §7), as the pages and desks make the calls:
 * sign-up (profile, statement, sign-up at once), the officer's review (the review page: the list, then one
 * decision per row), at the venue each phone's check-in page (her card, her key registered, her code) and the
 * desk scanning it, in the pick window the pick page (the directory, her K padded tokens), and after the
 * deadline the timer's matching and everyone opening her matches. Pairs are planted: every third couple picks
 * each other, everyone also picks one other who does not pick back, so the books know which pairs must come out.
 */
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type { DirectoryDTO, MatchesDTO, MixerCardDTO, ReviewDTO } from '~types/matchmaking'
import { SINGLE_STATEMENT } from '~types/matchmaking'
import { keyPairFrom, paddedSubmission, pickToken, type PickKeyPair } from '~src/packages/matchmaking/lib/pick-crypto'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { Db } from '../../cloudfunctions/common/db'
import { readAll } from '../../cloudfunctions/common/paginate'
import type { MatchDoc, SignupDoc } from '../../cloudfunctions/matchmaking/matchmaking.docs'
import type { FunctionMain } from '../host/functions'
import { freshModule } from '../host/instances'
import { HOUR, mixerRequest, OFFICER, seedEventStaff, seedOfficer, seedPeople, STAFF } from '../../test/integration/matchmaking-fixtures'
import type { Answer, MemberCall, Phase, Played, Scenario } from './plan-harness'

const T0 = Date.UTC(2027, 7, 1, 2, 0)
const VENUE = T0 + 24 * HOUR + 30 * 60_000 // the evening (mixerRequest: starts T0 + 24 h, picks from + 26 h to + 27 h)
const PICKS = T0 + 26 * HOUR + 60_000
const RESULTS = T0 + 27 * HOUR + 60_000 // the timer's first tick after the deadline
const rand = (k: number) => new Uint8Array(randomBytes(k))
const got = <T>(a: Answer | undefined): T | undefined => (a?.ok ? (a.data as T) : undefined)

/** One single and her phone: the key pair never leaves it; her picks' tokens made before the evening (CPU kept out of `clear`). */
interface Single {
  openid: string
  gender: 'M' | 'F'
  nickname: string
  keys: PickKeyPair
  /** Whom she picks (indexes), and the token for each one's public key. */
  picks: number[]
  tokens: Map<string, string>
}

interface Ctx {
  people: Single[]
  mixerId: string
  /** Planted mutual pairs, as "i:j" (i the man's index). */
  planted: Set<string>
  /** What each phone sent, by openid (kept on the phone). */
  sent: Map<string, string[]>
  /** Stored picks by openid, read after the pick window (matching deletes them); `storedTwice`: rows past one a member. */
  stored?: Map<string, string[]>
  storedTwice?: number
}

/** Couples (2c, 2c + 1): every third picks each other; each also picks one of the next couples, who does not pick back. */
function plant(size: number): { people: Omit<Single, 'tokens'>[]; planted: Set<string> } {
  const couples = Math.floor(size / 2)
  const planted = new Set<string>()
  const people = Array.from({ length: size }, (_x, i) => {
    const c = Math.floor(i / 2)
    const man = i % 2 === 0
    const partner = man ? i + 1 : i - 1
    const mutual = c % 3 === 0 && partner < 2 * couples
    if (mutual && man) planted.add(`${i}:${partner}`)
    // A man picks the woman of couple c+1, a woman the man of couple c+2: never back (unless 3 couples or fewer).
    const other = couples > 3 && c < couples ? (man ? 2 * ((c + 1) % couples) + 1 : 2 * ((c + 2) % couples)) : -1
    return {
      openid: `s-${i}`,
      gender: man ? ('M' as const) : ('F' as const),
      nickname: `昵称${i}`,
      keys: keyPairFrom(rand(32)),
      picks: [...(mutual ? [partner] : []), ...(other >= 0 ? [other] : [])],
    }
  })
  return { people, planted }
}

export function mixer(size: number, scale: number): Scenario<Ctx> {
  let now = T0
  const load = (laterMs = 0): FunctionMain =>
    freshModule<{ createMatchmakingFunction: (d: object) => FunctionMain }>(
      join(__dirname, '../../cloudfunctions'),
      'matchmaking/index.ts',
    ).createMatchmakingFunction({ clock: () => now + laterMs })
  const planned = plant(size)
  return {
    name: 'mixer',
    describe:
      `${size} singles, the whole evening: profile, statement, sign-up; the officer's review; at the venue key, code and ` +
      `the desk's scan; in the pick window directory and picks (${planned.planted.size} mutual pairs planted); the matching and everyone's matches`,
    scale,
    load: (_fn, laterMs) => load(laterMs),
    setClock: (at) => void (now = at),
    async seed(db, call) {
      await seedPeople(db, planned.people)
      await seedOfficer(db)
      // The real evening's places (tools/seed qixiMixer: 120 + 120 for 117 + 117), reviewed by an officer.
      const saved = await call(
        'matchmaking',
        OFFICER,
        'saveMixer',
        mixerRequest(T0, { placesByGender: { M: 120, F: 120 }, review: 'officer' }),
      )
      if (!saved.ok) throw new Error(`seed call refused: ${saved.code} ${saved.message}`)
      const mixerId = (saved.data as { id: string }).id
      await seedEventStaff(db, [mixerId])
      const people = planned.people.map((p) => ({
        ...p,
        tokens: new Map(p.picks.map((j) => [planned.people[j].keys.publicKey, token(mixerId, p, planned.people[j].keys.publicKey)])),
      }))
      return { people, mixerId, planted: planned.planted, sent: new Map() }
    },
    phases: (ctx) => evening(ctx),
    books: (db, ctx, _answers, played) => books(db, ctx, played),
  }
}

const token = (mixerId: string, me: Pick<Single, 'keys'>, theirs: string) =>
  pickToken(mixerId, me.keys.secretKey, me.keys.publicKey, theirs)!

/** The phases, in order (indexes into `played`). */
const [SIGN_UP, REVIEW, CHECK_IN, PICK, MATCHES] = [0, 1, 2, 3, 5] // 4: the matching tick
const mm = (openid: string, action: string, data: MemberCall['data']): MemberCall => ({ fn: 'matchmaking', openid, action, data })
/** She goes to the venue once signed up, and on to the picks and her matches once the desk gave her a badge. */
const signedUp = (played: Played, i: number) => played[SIGN_UP][i][2].ok
const badged = (played: Played, i: number) => played[CHECK_IN][i][3].ok

function evening(ctx: Ctx): Phase[] {
  return [
    signUpPhase(ctx),
    reviewPhase(ctx),
    checkInPhase(ctx),
    pickPhase(ctx),
    // The timer trigger's tick after the deadline (the officer's sweep action runs the same service) ...
    { name: 'matching', at: RESULTS, calls: [[mm(OFFICER, 'sweep', {})]] },
    // ... then each opens her matches, as the notice asks.
    {
      name: 'matches',
      calls: ctx.people.map((x, i) => [
        mm(x.openid, 'myMatches', (_m: Answer[], played: Played) => (badged(played, i) ? { mixerId: ctx.mixerId } : undefined)),
      ]),
    },
  ]
}

function signUpPhase({ people, mixerId }: Ctx): Phase {
  return {
    name: 'sign-up',
    at: T0,
    calls: people.map((x, i) => [
      mm(x.openid, 'saveProfile', { nickname: x.nickname, sector: i % 3 ? '机关事业' : '企业', intro: '喜欢爬山和看电影' }),
      // The pages go step by step: no statement without her profile saved, no sign-up without both.
      mm(x.openid, 'signStatement', (mine: Answer[]) => (mine[0].ok ? { version: SINGLE_STATEMENT.version } : undefined)),
      mm(x.openid, 'signUp', (mine: Answer[]) => (mine[1].ok ? { mixerId } : undefined)),
    ]),
  }
}

/** The officer's review page: the list, then each row under review approved, one after another. */
function reviewPhase({ people, mixerId }: Ctx): Phase {
  const decide = (k: number) =>
    mm(OFFICER, 'decide', (mine: Answer[]) => {
      const row = got<ReviewDTO>(mine[0])?.rows.filter((r) => r.status === 'review')[k]
      return row && { mixerId, ref: row.ref, approve: true }
    })
  return { name: 'review', at: T0 + 2 * HOUR, calls: [[mm(OFFICER, 'reviewList', { mixerId }), ...people.map((_x, k) => decide(k))]] }
}

/** Her check-in page (the card, her key, her code), then the desk scanning the code. */
function checkInPhase({ people, mixerId }: Ctx): Phase {
  return {
    name: 'check-in',
    at: VENUE,
    calls: people.map((x, i) => [
      mm(x.openid, 'getMixer', (_m: Answer[], played: Played) => (signedUp(played, i) ? { mixerId } : undefined)),
      mm(x.openid, 'registerKey', (mine: Answer[]) =>
        got<MixerCardDTO>(mine[0])?.signup?.status === 'approved' ? { mixerId, publicKey: x.keys.publicKey } : undefined,
      ),
      mm(x.openid, 'checkinCode', (mine: Answer[]) => (mine[1].ok ? { mixerId } : undefined)),
      mm(STAFF, 'checkIn', (mine: Answer[]) => {
        const code = got<{ token: string }>(mine[2])
        return code && { mixerId, token: code.token }
      }),
    ]),
  }
}

/** Her pick page: the directory, then her chosen ones found in it by nickname, padded to K. The books read after. */
function pickPhase(ctx: Ctx): Phase {
  const { people, mixerId } = ctx
  return {
    name: 'picks',
    at: PICKS,
    calls: people.map((x, i) => [
      mm(x.openid, 'directory', (_m: Answer[], played: Played) => (badged(played, i) ? { mixerId } : undefined)),
      mm(x.openid, 'submitPicks', (mine: Answer[]) => {
        const dir = got<DirectoryDTO>(mine[0])
        if (!dir) return undefined
        const chosen = x.picks.flatMap((j) => dir.others.filter((e) => e.nickname === people[j].nickname).map((e) => e.publicKey))
        const tokens = paddedSubmission(
          chosen.map((pk) => x.tokens.get(pk) ?? token(mixerId, x, pk)),
          dir.k,
          rand,
        )
        ctx.sent.set(x.openid, tokens)
        return { mixerId, tokens }
      }),
    ]),
    audit: async (db) => {
      const refs = new Map((await signupsOf(db, mixerId)).map((d) => [d.ref, d.openid]))
      const rows = await readAll<{ ref: string; tokens: string[] }>(db.collection(COLLECTIONS.mixerPicks).where({ mixerId }))
      ctx.stored = new Map(rows.map((r) => [refs.get(r.ref) ?? r.ref, r.tokens]))
      ctx.storedTwice = rows.length - ctx.stored.size
    },
  }
}

const signupsOf = (db: Db, mixerId: string) => readAll<SignupDoc>(db.collection(COLLECTIONS.mixerSignups).where({ mixerId }))

/**
 * Lost: told signed up, approved, checked in (and her badge), picks accepted, or a match, but the books
 * say otherwise; a planted pair whose picks were both stored but no match came out. Doubled: a sign-up,
 * check-in (a badge, the desk's count) or picks stored twice; a match nobody planted.
 */
async function books(db: Db, ctx: Ctx, played: Played) {
  const rows = await signupsOf(db, ctx.mixerId)
  const places = await readAll<{ checkedIn?: number }>(db.collection(COLLECTIONS.mixerPlaces).where({ mixerId: ctx.mixerId }))
  const matches = await readAll<MatchDoc>(db.collection(COLLECTIONS.mixerMatches).where({ mixerId: ctx.mixerId }))
  const members = memberBooks(rows, places, ctx, played)
  const pairs = pairBooks(matches, ctx, played)
  const note =
    `mixer books: ${rows.length} signed up, ${members.checkedIn} checked in, ${ctx.stored?.size ?? 0} picks stored; ` +
    `pairs found ${pairs.found} of ${ctx.planted.size} planted (${pairs.expected} with both picks stored), ${pairs.unplanted} not planted`
  return { lost: members.lost + pairs.lost, doubled: members.doubled + pairs.doubled, note }
}

/** Each member's sign-up, approval, check-in and picks against what she (or the officer, the desk) was told. */
function memberBooks(rows: SignupDoc[], places: { checkedIn?: number }[], ctx: Ctx, played: Played) {
  const mine = new Map(rows.map((d) => [d.openid, d]))
  let lost = 0
  ctx.people.forEach((x, i) => {
    const d = mine.get(x.openid)
    const checkIn = got<{ badge: number }>(played[CHECK_IN][i][3])
    if (signedUp(played, i) && !d) lost++
    else if (checkIn && (d?.checkedInAt == null || d.badge !== checkIn.badge)) lost++
    else if (played[PICK][i][1].ok && ctx.stored?.get(x.openid)?.join() !== ctx.sent.get(x.openid)?.join()) lost++
  })
  const approved = played[REVIEW][0].slice(1).filter((a) => a.ok).length
  lost += Math.max(0, approved - rows.filter((d) => d.state === 'approved').length)
  const badges = rows.filter((d) => d.checkedInAt != null).map((d) => d.badge)
  const counted = places.reduce((k, p) => k + (p.checkedIn ?? 0), 0)
  const doubled =
    rows.length - mine.size + badges.length - new Set(badges).size + Math.max(0, counted - badges.length) + (ctx.storedTwice ?? 0)
  return { lost, doubled, checkedIn: badges.length }
}

/** The pairs: those planted whose token both stored must come out, nothing else may; each told exactly hers. */
function pairBooks(matches: MatchDoc[], ctx: Ctx, played: Played) {
  const { people } = ctx
  const index = new Map(people.map((x, i) => [x.openid, i]))
  const pairOf = (m: MatchDoc) => [index.get(m.a.openid)!, index.get(m.b.openid)!].sort((p, q) => (p % 2) - (q % 2)).join(':')
  const found = new Set(matches.map(pairOf))
  // Both stored the pair's token (a partner missing from her directory never got it).
  const expected = [...ctx.planted].filter((p) => {
    const [m, w] = p.split(':').map((i) => people[Number(i)])
    const t = m.tokens.get(w.keys.publicKey)!
    return [m, w].every((x) => ctx.stored?.get(x.openid)?.includes(t))
  })
  const unplanted = [...found].filter((p) => !ctx.planted.has(p)).length
  let lost = expected.filter((p) => !found.has(p)).length
  people.forEach((x, i) => {
    const told = got<MatchesDTO>(played[MATCHES][i][0])
    if (!told?.published) return
    const theirs = matches.filter((m) => m.a.openid === x.openid || m.b.openid === x.openid)
    const badges = theirs.map((m) => (m.a.openid === x.openid ? m.b.badge : m.a.badge)).sort((p, q) => p - q)
    if (told.matches.map((m) => m.badge).join() !== badges.join()) lost++
  })
  return { lost, doubled: unplanted + matches.length - found.size, found: found.size, expected: expected.length, unplanted }
}
