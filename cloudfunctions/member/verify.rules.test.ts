import type { RosterDoc } from '../common/member-docs'
import { matchRoster, normalizeCardNo, normalizeName } from './verify.rules'

const doc = (name: string, id: string): RosterDoc => ({
  _id: id,
  name,
  cardNo: id,
  phone: '13800000000',
  branch: 'b',
  tags: [],
  gender: '',
  birthDate: '',
  boundOpenid: null,
  importedAt: 0,
  updatedAt: 0,
})

test('names compare without spaces, full-width forms or dot variants', () => {
  expect(normalizeName(' 李\u3000明 ')).toBe('李明')
  expect(normalizeName('阿依古丽•买买提')).toBe(normalizeName('阿依古丽·买买提'))
  expect(normalizeCardNo(' gh-3201000123 ')).toBe('GH3201000123')
})

test('a match must be exactly one record with that name', () => {
  expect(matchRoster([doc('李明', 'A'), doc('王芳', 'B')], '王芳')?._id).toBe('B')
  expect(matchRoster([doc('李明', 'A')], '李红')).toBeNull()
  expect(matchRoster([doc('李明', 'A'), doc('李明', 'B')], '李明')).toBeNull() // one phone, two 李明: ask for the card number
  expect(matchRoster([], '李明')).toBeNull()
})
