/**
 * Picks nobody else can read (issue #10 acceptance): 40 attendees pick, some
 * mutually, some one-sidedly. An adversary holding a dump of EVERY collection
 * and the functions' environment tries every pair and must identify no
 * one-sided pick, while every mutual pair is matched.
 */
import nacl from 'tweetnacl'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { readAll } from '../../cloudfunctions/common/paginate'
import { createMatchmakingFunction } from '../../cloudfunctions/matchmaking/index'
import { fromBase64, toBase64Url, utf8 } from '~src/utils/bytes'
import { pickToken, publicKeyOf } from '~src/packages/matchmaking/lib/pick-crypto'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke, okData } from '../support/invoke'
import {
  checkIn,
  HOUR,
  mixerRequest,
  OFFICER,
  prepare,
  seedEventStaff,
  seedOfficer,
  seedPeople,
  submissionFor,
  type Person,
  type Phone,
} from './matchmaking-fixtures'

const T0 = Date.UTC(2027, 7, 8, 2, 0)
let now = T0
const main = createMatchmakingFunction({ clock: () => now })
let emu: TestEmulator
let mixerId: string
const MEN: Person[] = Array.from({ length: 20 }, (_x, i) => ({ openid: `pm-${i}`, gender: 'M' }))
const WOMEN: Person[] = Array.from({ length: 20 }, (_x, i) => ({ openid: `pf-${i}`, gender: 'F' }))
let phones: Phone[]
/** [picker, picked] by index into phones. */
const picks: [number, number][] = []
const replies: string[] = []

const man = (i: number) => i
const woman = (i: number) => 20 + i

beforeAll(async () => {
  emu = await startTestEmulator()
  await seedPeople(emu.db, [...MEN, ...WOMEN])
  await seedOfficer(emu.db)
  mixerId = okData(await invoke(main, OFFICER, 'saveMixer', mixerRequest(T0))).id
  await seedEventStaff(emu.db, [mixerId])
  await prepare(main, [...MEN, ...WOMEN])
  for (const p of [...MEN, ...WOMEN]) okData(await invoke(main, p.openid, 'signUp', { mixerId }))
  now = T0 + 24 * HOUR + 30 * 60_000 // at the venue
  phones = []
  for (const p of [...MEN, ...WOMEN]) phones.push(await checkIn(main, mixerId, p))
  // 8 mutual pairs; one-sided picks from men and from women; some pick nobody.
  for (let i = 0; i < 8; i++) picks.push([man(i), woman(i)], [woman(i), man(i)])
  for (let i = 8; i < 14; i++) picks.push([man(i), woman(i)]) // she does not pick back
  for (let i = 14; i < 18; i++) picks.push([woman(i), man(i)]) // he does not pick back
  picks.push([man(0), woman(15)], [man(0), woman(16)], [woman(3), man(12)]) // extra one-sided picks beside a mutual one
  now = T0 + 26 * HOUR + 5 * 60_000 // pick window open
  for (const [pi, me] of phones.entries()) {
    const dir = okData(await invoke(main, me.openid, 'directory', { mixerId }))
    expect(dir.others.every((e: { gender: string }) => e.gender !== me.gender)).toBe(true)
    const chosen = picks
      .filter(([a]) => a === pi)
      .map(([, b]) => dir.others.find((e: { badge: number }) => e.badge === phones[b].badge).publicKey)
    const reply = await invoke(main, me.openid, 'submitPicks', { mixerId, tokens: submissionFor(mixerId, me, chosen, 3) })
    replies.push(JSON.stringify(reply))
  }
}, 120_000)
afterAll(() => emu.stop())

async function dumpEverything(): Promise<{ docs: Record<string, unknown[]>; text: string }> {
  const docs: Record<string, unknown[]> = {}
  for (const c of Object.values(COLLECTIONS)) docs[c] = await readAll(emu.db.collection(c).where({ _id: emu.db.command.exists(true) }))
  return { docs, text: JSON.stringify(docs) + JSON.stringify(process.env) }
}

/** Every 32-byte value the adversary can find in the dump (base64 or base64url strings). */
function candidateSecrets(text: string): string[] {
  return [...new Set(text.match(/[A-Za-z0-9+/_-]{43}=?/g) ?? [])].filter((s) => fromBase64(s).length === 32)
}

it('every reply to a submission is the same bytes, whatever was picked', () => {
  expect(replies).toHaveLength(40)
  expect(new Set(replies).size).toBe(1)
})

it('every stored submission is exactly K tokens, and the dump holds no private key', async () => {
  const { docs, text } = await dumpEverything()
  const stored = docs[COLLECTIONS.mixerPicks] as { tokens: string[] }[]
  expect(stored).toHaveLength(40)
  for (const s of stored) expect(s.tokens).toHaveLength(3)
  for (const p of phones) expect(text).not.toContain(p.keys.secretKey)
})

it('an adversary with the dump and the environment identifies no one-sided pick, trying every pair', async () => {
  const { docs, text } = await dumpEverything()
  const dir = (docs[COLLECTIONS.mixerDirectories] as { entries: { ref: string; publicKey: string }[] }[])[0].entries
  const subs = docs[COLLECTIONS.mixerPicks] as { ref: string; tokens: string[] }[]
  const tokensOf = new Map(subs.map((s) => [s.ref, new Set(s.tokens)]))
  const counts = new Map<string, number>()
  for (const s of subs) for (const t of s.tokens) counts.set(t, (counts.get(t) ?? 0) + 1)
  // Keys the adversary might hold: any 32-byte value in the dump or environment used as a secret key.
  const secrets = candidateSecrets(text)
  const stolen = new Map<string, string>() // publicKey → secret
  for (const s of secrets) {
    const pk = publicKeyOf(s)
    if (dir.some((e) => e.publicKey === pk)) stolen.set(pk, s)
  }
  expect(stolen.size).toBe(0)
  const hash = (...parts: string[]) => toBase64Url(nacl.hash(utf8(parts.join('|'))).subarray(0, 32))
  let identified = 0
  for (const a of dir) {
    for (const b of dir) {
      if (a.ref === b.ref) continue
      // Guesses from public data: hashes of the ids and keys, and the pick token with any stolen key.
      const guesses = [hash(mixerId, a.publicKey, b.publicKey), hash(mixerId, b.publicKey, a.publicKey), hash(a.publicKey, b.publicKey)]
      const sk = stolen.get(a.publicKey)
      if (sk) guesses.push(pickToken(mixerId, sk, a.publicKey, b.publicKey)!)
      // A one-sided pick would be a token of A's held by nobody else that the adversary can tie to B.
      if (guesses.some((g) => tokensOf.get(a.ref)?.has(g) && counts.get(g) === 1)) identified++
    }
  }
  expect(identified).toBe(0)
  // What the server can see is how many of each attendee's tokens are shared: shared ones are the mutual pairs (told anyway).
  const single = subs.map((s) => s.tokens.filter((t) => counts.get(t) === 1).length)
  expect(single.reduce((x, y) => x + y, 0)).toBe(40 * 3 - 16)
})

it('at the deadline every mutual pair is matched, nothing else; tokens are deleted; officers see counts only', async () => {
  now = T0 + 27 * HOUR + 60_000
  const seen = new Map<string, number[]>()
  for (const p of phones) {
    const r = okData(await invoke(main, p.openid, 'myMatches', { mixerId }))
    expect(r.published).toBe(true)
    seen.set(
      p.openid,
      r.matches.map((x: { badge: number }) => x.badge),
    )
  }
  for (const [i, p] of phones.entries()) {
    const expected = i < 8 ? [phones[woman(i)].badge] : i >= 20 && i < 28 ? [phones[i - 20].badge] : []
    expect([p.openid, seen.get(p.openid)]).toEqual([p.openid, expected])
  }
  const { docs } = await dumpEverything()
  expect(docs[COLLECTIONS.mixerPicks]).toHaveLength(0)
  expect(docs[COLLECTIONS.mixerMatches]).toHaveLength(8)
  const fig = okData(await invoke(main, OFFICER, 'figures', { mixerId }))
  expect(fig.pairs).toBe(8)
  expect(fig.checkedIn).toEqual({ M: 20, F: 20 })
  // Every match notice names nobody.
  const outbox = docs[COLLECTIONS.outbox] as { kind: string; fields: { value: string }[] }[]
  const sent = outbox.filter((n) => n.kind === 'match_found')
  expect(sent).toHaveLength(16)
  for (const n of sent) expect(JSON.stringify(n.fields)).not.toMatch(/昵称|号/)
})
