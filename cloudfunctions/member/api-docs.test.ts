import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildInvocation } from '../../tools/host/identity'
import { ERROR_MESSAGES } from '~types/errors'
import { createMemberFunction } from './index'

/** docs/api.md is kept in step with types/: every error code with its message, every member action. */
const ROOT = join(__dirname, '../..')
const doc = readFileSync(join(ROOT, 'docs/api.md'), 'utf8')

test('the error table lists every code of types/errors.ts with its message', () => {
  const missing = Object.entries(ERROR_MESSAGES)
    .filter(([code, message]) => !doc.includes(`| \`${code}\` | ${message} |`))
    .map(([code, message]) => `| \`${code}\` | ${message} |`)
  expect(missing).toEqual([]) // paste these rows into the table in docs/api.md
})

test('every action of types/member.ts has its section and is routed by the function', async () => {
  const source = readFileSync(join(ROOT, 'types/member.ts'), 'utf8')
  const block = source.slice(source.indexOf('export interface MemberActions'))
  const actions = [...block.slice(0, block.indexOf('\n}')).matchAll(/^\s+(\w+): \[/gm)].map((m) => m[1])
  expect(actions).toHaveLength(23)
  expect(actions.filter((a) => !doc.includes(`### \`${a}\``))).toEqual([])
  // Every action is routed, declares who may call it, and its schema refuses malformed data.
  const main = createMemberFunction({
    db: () => {
      throw new Error('no database in a unit test')
    },
  })
  expect(Object.keys(main.actions).sort()).toEqual([...actions].sort())
  for (const action of actions) {
    const spec = main.actions[action]
    expect([action, typeof spec.auth === 'string' ? spec.auth : 'scoped', spec.input.safeParse(42).success]).toEqual([
      action,
      expect.stringMatching(/^(caller|member|officer|scoped)$/),
      false,
    ])
  }
  // An action outside the map is refused before any database work.
  const { event, context } = buildInvocation('member', { action: 'dropRoster', data: {} }, 'o-doc')
  expect(await main(event as never, context)).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
})
