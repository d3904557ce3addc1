import { EventEmitter } from 'node:events'
import { randomUUID } from 'node:crypto'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { UserDoc } from '../../cloudfunctions/common/member-docs'
import { createMemberFunction } from '../../cloudfunctions/member/index'
import type { InviteDoc } from '../../cloudfunctions/member/invite.repository'
import type { Envelope } from '~types/envelope'
import type { InviteDTO, MeDTO } from '~types/member'
import { crashableEmulator } from '../support/crash'
import { invoke, invokeDuringCrash, okData } from '../support/invoke'

/**
 * Issue 15: the emulator is SIGKILLed in the middle of a burst of invite redemptions (two people
 * race for each invite), so calls die at every step: before the invite is used, after it, after the
 * account, after the role. After a restart, each retry with the same request id answers its first
 * outcome at once: the role granted to whoever used the invite, never CONFLICT, never "already used"
 * to the one who used it; no invite is used twice and every role is granted exactly once.
 */
jest.setTimeout(90_000)
EventEmitter.defaultMaxListeners = 200

const T0 = Date.UTC(2027, 2, 8, 2, 0)
const INVITES = 40
const EVENTS = ['ev-fair', 'ev-walk', 'ev-run', 'ev-choir']
/** Two people want each invite: `a-i` and `b-i`. */
const PEOPLE = Array.from({ length: INVITES }, (_x, i) => [`a-${i}`, `b-${i}`]).flat()
const inviteOf = (person: string) => Number(person.slice(2))
/** The function's database is observed: the kill comes right after an invite is used. */
const emu = crashableEmulator('member-invite-crash')
const main = createMemberFunction({ clock: () => T0, db: emu.observed })

async function seedInvites(): Promise<string[]> {
  const officer: UserDoc = {
    _id: 'o-officer',
    rosterId: null,
    verifiedAt: null,
    roles: [{ role: 'officer' }],
    deletionRequestedAt: null,
    createdAt: T0,
    updatedAt: T0,
  }
  await emu.db.collection(COLLECTIONS.users).add(officer)
  await emu.db.collection(COLLECTIONS.events).add(
    EVENTS.map((id) => ({
      _id: id,
      title: `活动 ${id}`,
      venue: { name: '会场', address: '', city: '南京' },
      startsAt: T0,
      endsAt: T0 + 3600_000,
    })),
  )
  const codes: string[] = []
  for (let i = 0; i < INVITES; i++) {
    codes.push(
      okData(await invoke<InviteDTO>(main, 'o-officer', 'createInvite', { scope: { kind: 'event', id: EVENTS[i % EVENTS.length] } })).code,
    )
  }
  return codes
}

type Redeemed = Envelope<MeDTO>
const staffRoles = (me: MeDTO) => me.roles.filter((r) => r.role === 'staff')

test('after a crash mid-burst, every same-id retry of an invite redemption answers its first outcome at once', async () => {
  await emu.start()
  const codes = await seedInvites()
  const requestIds = PEOPLE.map(() => randomUUID())
  const first = await emu.killedDuring(
    () => Promise.all(PEOPLE.map((p, i) => invokeDuringCrash<MeDTO>(main, p, 'redeemInvite', { code: codes[inviteOf(p)] }, requestIds[i]))),
    { collection: COLLECTIONS.staffInvites, op: 'update', after: 15, counts: (r) => (r as { updated: number }).updated === 1 },
  )

  const started = Date.now()
  const retry: Redeemed[] = await Promise.all(
    PEOPLE.map((p, i) => invoke<MeDTO>(main, p, 'redeemInvite', { code: codes[inviteOf(p)] }, requestIds[i])),
  )
  expect(Date.now() - started).toBeLessThan(8_000) // at once: no retry waited for a dead call's marker

  const invites = (await emu.db.collection(COLLECTIONS.staffInvites).limit(100).get()).data as InviteDoc[]
  const usedBy = new Map(invites.map((d) => [d.scope.id, d.usedBy]))
  expect(invites).toHaveLength(INVITES)
  const users = new Map(((await emu.db.collection(COLLECTIONS.users).limit(1000).get()).data as UserDoc[]).map((u) => [u._id, u]))
  const winners = new Set(invites.map((d) => d.usedBy))
  expect(winners.size).toBe(INVITES) // every invite used, each by a different person: none used twice
  PEOPLE.forEach((p, i) => {
    const r = retry[i]
    const was = first[i]
    const invite = invites.find((d) => d.usedBy === p)
    if (invite) {
      // The one who used it: her role, from her first call's request, never CONFLICT or "already used".
      expect([p, r.ok && staffRoles(r.data)]).toEqual([p, [{ role: 'staff', scope: invite.scope }]])
      expect([p, users.get(p)?.roles]).toEqual([p, [{ role: 'staff', scope: invite.scope }]]) // granted exactly once
    } else {
      expect([p, r.ok ? 'OK' : r.code]).toEqual([p, 'INVITE_USED'])
      expect([p, users.get(p)?.roles ?? []]).toEqual([p, []])
    }
    // An answer the first call did give is given again.
    if (was.ok) expect([p, r]).toEqual([p, was])
    if (!was.ok && was.code !== 'INTERNAL') expect([p, r.ok ? 'OK' : r.code]).toEqual([p, was.code])
  })
  expect([...usedBy.values()].every((u) => u !== null)).toBe(true)
  // Every use of an invite is in the audit log (a crash may repeat its line, never lose it).
  const audited = (await emu.db.collection(COLLECTIONS.auditLog).where({ action: 'member.redeemInvite' }).limit(1000).get()).data as {
    invite: string
  }[]
  expect(new Set(audited.map((a) => a.invite))).toEqual(new Set(invites.map((d) => d._id.slice(0, 12))))
  expect(PEOPLE.filter((_p, i) => retry[i].ok)).toHaveLength(INVITES)
})
