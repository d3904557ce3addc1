import fc from 'fast-check'
import { parseYuan, yuan } from './money'

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
