import fc from 'fast-check'
import { formatInviteCode, INVITE_ALPHABET, inviteId, newInviteCode, normalizeInviteCode, requestInviteCode } from './invite.rules'

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

test("a request's code is the same on a retry, a valid code, and another request's or officer's differs", () => {
  const key = Buffer.alloc(32, 7)
  const code = requestInviteCode(key, 'o-officer', 'req-00000001')
  expect(normalizeInviteCode(code)).toBe(code)
  expect(requestInviteCode(key, 'o-officer', 'req-00000001')).toBe(code)
  expect(requestInviteCode(key, 'o-officer', 'req-00000002')).not.toBe(code)
  expect(requestInviteCode(key, 'o-other', 'req-00000001')).not.toBe(code)
  expect(requestInviteCode(Buffer.alloc(32, 8), 'o-officer', 'req-00000001')).not.toBe(code)
})
