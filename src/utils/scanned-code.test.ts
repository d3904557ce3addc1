import { extractCode } from './scanned-code'

test('a bare code is returned trimmed, inner whitespace from a pasted line break removed', () => {
  expect(extractCode('  Bk3abc.1xyzXYZ012345 \n')).toBe('Bk3abc.1xyzXYZ012345')
  expect(extractCode('Bk3ab\nc.1xyz')).toBe('Bk3abc.1xyz')
})

test('a mini-program code path yields its decoded scene', () => {
  expect(extractCode('packages/events/pages/stamp-card/index?scene=Bk3a%7Ebc.1x')).toBe('Bk3a~bc.1x')
  expect(extractCode('pages/x?id=1&scene=ABC&y=2')).toBe('ABC')
})

test('empty or missing input is the empty string, never a crash', () => {
  expect(extractCode('')).toBe('')
  expect(extractCode(undefined as unknown as string)).toBe('')
  expect(extractCode('?scene=%E0%A4%A')).toBe('%E0%A4%A')
})
