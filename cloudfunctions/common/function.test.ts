/**
 * The contract check is a compile-time one: each `@ts-expect-error` below must
 * stay an error under `npx tsc`, or the check has gone. Each case breaks one thing.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { memberActions } from '../screening/member.actions'
import { staffActions } from '../screening/staff.actions'
import { action, defineFunction } from './function'

const { listDays, ...withoutListDays } = memberActions
const ok = { ...memberActions, ...staffActions }

describe('defineFunction contract', () => {
  it('accepts the real action set and refuses each kind of drift', () => {
    expect(typeof defineFunction('screening', ok)).toBe('function')
    // @ts-expect-error an action the client is typed for is missing
    defineFunction('screening', { ...withoutListDays, ...staffActions })
    // @ts-expect-error an action outside the map in types/
    defineFunction('screening', { ...ok, bogus: listDays })
    // @ts-expect-error a response of the wrong shape
    defineFunction('screening', { ...ok, listDays: action({ input: z.strictObject({}), auth: 'caller', run: async () => 1 }) })
    const demanding = action({
      input: z.strictObject({ programmeId: z.string(), siteId: z.string(), extra: z.string() }),
      auth: 'caller',
      run: listDays.run,
    })
    // @ts-expect-error a schema that demands what the typed request does not carry
    defineFunction('screening', { ...ok, listDays: demanding })
    // names outside types/functions.ts (a bench's no-op) are unchecked
    expect(typeof defineFunction('noop', { ping: action({ input: z.object({}), auth: 'caller', run: async () => ({}) }) })).toBe('function')
  })
})

test('every deployed function is named in types/functions.ts, so none escapes the contract check', () => {
  const root = join(__dirname, '..')
  const mapped = [...readFileSync(join(root, '../types/functions.ts'), 'utf8').matchAll(/^\s+(\w+): \w+Actions$/gm)].map((m) => m[1])
  const functions = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'common')
    .map((d) => d.name)
  for (const name of functions) {
    const index = readFileSync(join(root, name, 'index.ts'), 'utf8')
    expect([name, /defineFunction\(\s*'([\w-]+)'/.exec(index)?.[1]]).toEqual([name, name])
  }
  expect(functions.filter((f) => !mapped.includes(f))).toEqual([])
})
