import fc from 'fast-check'
import { formatInviteCode, INVITE_ALPHABET, inviteId, newInviteCode, normalizeInviteCode } from './invite.rules'

test('a new code, shown as ABCD-EFGH and typed back in any case, is read as itself', () => {
  fc.assert(
    fc.property(fc.infiniteStream(fc.nat()), (stream) => {
      const it = stream[Symbol.iterator]()
      const code = newInviteCode((max) => it.next().value % max)
      expect(normalizeInviteCode(formatInviteCode(code))).toBe(code)
      expect(normalizeInviteCode(` ${code.toLowerCase()} `)).toBe(code)
    }),
  )
})

test('codes avoid look-alike characters; anything else is not a code', () => {
  expect(INVITE_ALPHABET).not.toMatch(/[01OIL]/)
  for (const bad of ['', 'ABCDEFG', 'ABCDEFGHJ', 'ABCD-EFG0', 'ABCDEFGI', '邀请码ABCDE']) expect(normalizeInviteCode(bad)).toBeNull()
})

test('the stored id is a one-way hash of the code', () => {
  expect(inviteId('ABCDEFGH')).toMatch(/^[0-9a-f]{64}$/)
  expect(inviteId('ABCDEFGH')).not.toBe(inviteId('ABCDEFGJ'))
})
