import fc from 'fast-check'
import { billProblem, parseYuan, yuan } from './money'

it('formats fen and parses what a cashier types', () => {
  expect(yuan(8600)).toBe('¥86.00')
  expect(yuan(408)).toBe('¥4.08')
  expect(yuan(-838)).toBe('-¥8.38')
  expect(parseYuan('86')).toBe(8600)
  expect(parseYuan('¥86.5')).toBe(8650)
  expect(parseYuan(' 0.07 ')).toBe(7)
  for (const bad of ['', '8.888', '-1', 'abc', '1e3', '86,00']) expect(parseYuan(bad)).toBeNull()
})

it('round-trips every amount', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 999_999_999 }), (fen) => expect(parseYuan(yuan(fen))).toBe(fen)))
})

test('billProblem: one message per case, nothing for a usable amount', () => {
  expect(billProblem('')).toContain('请先输入')
  expect(billProblem('abc')).toContain('只能填数字')
  expect(billProblem('-5')).toContain('负数')
  expect(billProblem('99999999')).toContain('不超过')
  expect(billProblem('0')).toContain('大于 0')
  expect(billProblem('8.123')).toContain('两位小数')
  expect(billProblem('86.5')).toBe('')
  expect(billProblem('¥120')).toBe('')
  expect(new Set(['', 'abc', '-5', '99999999', '0', '8.123'].map(billProblem)).size).toBe(6)
})
