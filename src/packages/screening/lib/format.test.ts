import { placesBadge } from './format'

test('says how many places are left, or that none are', () => {
  expect(placesBadge(3)).toBe('余 3 个')
  expect(placesBadge(0)).toBe('已约满')
})
