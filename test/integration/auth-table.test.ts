/**
 * Generated from the declarations (issue 15): every action of every function is called as every kind
 * of caller. A caller the action's `auth` does not allow is refused with the declared code before the
 * action runs (and before her input is even read); every allowed kind gets past authorisation. The
 * input sent is `{}`: a refusal must not depend on what was sent, and an allowed caller then meets the
 * schema (INVALID_ARGUMENT) or the action itself, never a refusal of who she is.
 */
import { authLabel, type Auth } from '../../cloudfunctions/common/auth'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { DefinedFunction } from '../../cloudfunctions/common/function'
import type { StoredRole } from '../../cloudfunctions/common/member-docs'
import { createConsoleFunction } from '../../cloudfunctions/console/index'
import { createEventsFunction } from '../../cloudfunctions/events/index'
import { createMatchmakingFunction } from '../../cloudfunctions/matchmaking/index'
import { createMemberFunction } from '../../cloudfunctions/member/index'
import { createScreeningFunction } from '../../cloudfunctions/screening/index'
import { createVouchersFunction } from '../../cloudfunctions/vouchers/index'
import { MERCHANT_MANAGER_SUFFIX } from '~types/member'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { invoke } from '../support/invoke'

jest.setTimeout(120_000)

type Kind = 'anonymous' | 'stranger' | 'member' | 'eventStaff' | 'siteStaff' | 'cashier' | 'manager' | 'officer'
const KINDS: Kind[] = ['anonymous', 'stranger', 'member', 'eventStaff', 'siteStaff', 'cashier', 'manager', 'officer']
const REFUSALS = new Set(['UNAUTHENTICATED', 'NOT_VERIFIED', 'FORBIDDEN'])

const staff = (kind: 'event' | 'site' | 'merchant', id: string): StoredRole => ({ role: 'staff', scope: { kind, id, name: id } })
const ROLES: Record<Exclude<Kind, 'anonymous' | 'member'>, StoredRole[]> = {
  stranger: [],
  eventStaff: [staff('event', 'ev-1')],
  siteStaff: [staff('site', 'site-1')],
  cashier: [staff('merchant', 'm-1')],
  manager: [staff('merchant', `m-1${MERCHANT_MANAGER_SUFFIX}`)],
  officer: [{ role: 'officer' }],
}

/** What the declaration says this kind of caller gets: null = past authorisation. */
function expected(auth: Auth<never>, kind: Kind): string | null {
  if (kind === 'anonymous') return 'UNAUTHENTICATED'
  if (auth === 'caller' || auth === 'anyone') return null
  if (auth === 'member') return kind === 'member' ? null : 'NOT_VERIFIED'
  if (typeof auth === 'object' && 'manager' in auth) return kind === 'manager' ? null : 'FORBIDDEN'
  if (kind === 'officer') return null
  if (auth === 'officer' || 'officer' in auth) return 'FORBIDDEN'
  const holds = { event: kind === 'eventStaff', site: kind === 'siteStaff', merchant: kind === 'cashier' || kind === 'manager' }
  return holds[auth.staff] ? null : 'FORBIDDEN'
}

let emu: TestEmulator
const openidOf = (kind: Kind) => (kind === 'anonymous' ? undefined : `auth-${kind}`)

/** Fresh callers before each action: calling an action with `{}` may change them (a deletion request drops her roles). */
async function seedCallers(): Promise<void> {
  await emu.db
    .collection(COLLECTIONS.users)
    .where({ _id: emu.db.command.exists(true) })
    .remove()
  await emu.db
    .collection(COLLECTIONS.roster)
    .where({ _id: emu.db.command.exists(true) })
    .remove()
  const users = Object.entries(ROLES).map(([kind, roles]) => ({
    _id: openidOf(kind as Kind),
    rosterId: null,
    verifiedAt: null,
    roles,
    deletionRequestedAt: null,
    createdAt: 0,
    updatedAt: 0,
  }))
  const member = {
    _id: 'auth-member',
    rosterId: 'GH-AUTH-1',
    verifiedAt: 1,
    roles: [],
    deletionRequestedAt: null,
    createdAt: 0,
    updatedAt: 0,
  }
  await emu.db.collection(COLLECTIONS.users).add([...users, member])
  await emu.db.collection(COLLECTIONS.roster).add({
    _id: 'GH-AUTH-1',
    name: '王秀英',
    cardNo: 'GH-AUTH-1',
    phone: '13800000001',
    branch: '市妇幼保健院工会',
    tags: [],
    gender: 'F',
    birthDate: '1985-03-01',
    boundOpenid: 'auth-member',
    importedAt: 0,
    updatedAt: 0,
  })
}

beforeAll(async () => {
  emu = await startTestEmulator()
})
beforeEach(seedCallers)

afterAll(() => emu?.stop())

const FUNCTIONS: [string, () => DefinedFunction][] = [
  ['member', () => createMemberFunction({ db: () => emu.db })],
  ['events', () => createEventsFunction({ db: () => emu.db })],
  ['screening', () => createScreeningFunction({ db: () => emu.db })],
  ['vouchers', () => createVouchersFunction({ db: () => emu.db })],
  ['matchmaking', () => createMatchmakingFunction({ db: () => emu.db })],
  ['console', () => createConsoleFunction({ db: () => emu.db })],
]

describe.each(FUNCTIONS)('%s: every action as every kind of caller', (_name, make) => {
  test('each refusal is the declared one; each allowed kind gets past authorisation', async () => {
    const main = make()
    const rows: string[] = []
    for (const [action, spec] of Object.entries(main.actions)) {
      await seedCallers()
      for (const kind of KINDS) {
        const res = await invoke(main, openidOf(kind), action, {})
        const got = res.ok ? null : REFUSALS.has(res.code) ? res.code : null
        const want = expected(spec.auth as Auth<never>, kind)
        if (got !== want)
          rows.push(`${action} (${authLabel(spec.auth as Auth<never>)}) as ${kind}: got ${got ?? 'past auth'}, want ${want ?? 'past auth'}`)
      }
    }
    expect(rows).toEqual([])
  })

  test('every action declares who may call it', () => {
    const undeclared = Object.entries(make().actions).filter(([, spec]) => spec.auth === undefined)
    expect(undeclared.map(([a]) => a)).toEqual([])
  })
})

/** Where a schema would let an unknown key through: objects that are not strict, records open to any key. */
function looseSpots(schema: unknown, path: string, seen = new Set<unknown>()): string[] {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return []
  seen.add(schema)
  const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def
  if (!def) return []
  const walk = (s: unknown, p: string) => looseSpots(s, p, seen)
  switch (def.type) {
    case 'object': {
      const catchall = (def.catchall as { _zod?: { def?: { type?: string } } } | undefined)?._zod?.def?.type
      const own = catchall === 'never' ? [] : [`${path || '(input)'}: object not strict`]
      const shape = def.shape as Record<string, unknown>
      return [...own, ...Object.entries(shape).flatMap(([k, v]) => walk(v, path ? `${path}.${k}` : k))]
    }
    case 'record':
      // zod's records drop a `__proto__` key silently instead of refusing it: schema.ts `keyedBy` is the closed map.
      return [`${path}: z.record (use keyedBy)`, ...walk(def.valueType, `${path}.*`)]
    case 'array':
      return walk(def.element, `${path}[]`)
    case 'union':
      return (def.options as unknown[]).flatMap((o) => walk(o, path))
    case 'intersection':
      return [...walk(def.left, path), ...walk(def.right, path)]
    case 'tuple':
      return (def.items as unknown[]).flatMap((o, i) => walk(o, `${path}[${i}]`))
    case 'pipe':
      return [...walk(def.in, path), ...walk(def.out, path)]
    case 'lazy':
      return walk((def.getter as () => unknown)(), path)
    default:
      return ['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type as string)
        ? walk(def.innerType, path)
        : []
  }
}

describe.each(FUNCTIONS)('%s: unknown keys are refused at every depth', (_name, make) => {
  test('every object in every input schema is strict, and no z.record lets a key through unchecked', () => {
    const loose = Object.entries(make().actions).flatMap(([action, spec]) => looseSpots(spec.input, '').map((s) => `${action}: ${s}`))
    expect(loose).toEqual([])
  })

  test('an unknown top-level key is INVALID_ARGUMENT naming it, for every action', async () => {
    const main = make()
    const wrong: string[] = []
    for (const [action, spec] of Object.entries(main.actions)) {
      const kind = KINDS.find((k) => expected(spec.auth as Auth<never>, k) === null)!
      const res = await invoke(main, openidOf(kind), action, { zzUnknown: 1 })
      if (res.ok || res.code !== 'INVALID_ARGUMENT' || res.field !== 'zzUnknown')
        wrong.push(`${action}: ${res.ok ? 'ok' : `${res.code} ${res.field ?? ''}`}`)
    }
    expect(wrong).toEqual([])
  })
})
