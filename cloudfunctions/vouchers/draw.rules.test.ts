import fc from 'fast-check'
import { draw, entriesDigest, entryRef } from './draw.rules'

it('the same seed and list give the same winners whatever the list order', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.hexaString({ minLength: 16, maxLength: 16 }), { maxLength: 40 }),
      fc.string(),
      fc.nat(50),
      (refs, seed, k) => {
        const a = draw(seed, refs, k)
        const b = draw(seed, [...refs].reverse(), k)
        expect(b).toEqual(a)
        expect(a.winners).toHaveLength(Math.min(k, refs.length))
        expect(new Set(a.winners).size).toBe(a.winners.length)
        expect(a.entrants).toBe(refs.length)
      },
    ),
  )
})

it('a different list gives a different digest; a different seed (usually) different winners', () => {
  const refs = Array.from({ length: 100 }, (_x, i) => entryRef('c1', `m${i}`, 's'))
  expect(entriesDigest(refs)).not.toBe(entriesDigest(refs.slice(1)))
  expect(draw('seed-1', refs, 10).winners).not.toEqual(draw('seed-2', refs, 10).winners)
  expect(entryRef('c1', 'm1', 's')).toMatch(/^[0-9a-f]{16}$/)
})
