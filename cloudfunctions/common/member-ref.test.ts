import { memberRef } from './member-ref'

const KEY = Buffer.alloc(32, 7)

test('one reference per record, the same every time, different between records and keys', () => {
  expect(memberRef('GH3201000123', KEY)).toMatch(/^M-[2-9A-HJ-NP-Z]{10}$/)
  expect(memberRef('GH3201000123', KEY)).toBe(memberRef('GH3201000123', KEY))
  expect(memberRef('GH3201000124', KEY)).not.toBe(memberRef('GH3201000123', KEY))
  expect(memberRef('GH3201000123', Buffer.alloc(32, 8))).not.toBe(memberRef('GH3201000123', KEY))
})
