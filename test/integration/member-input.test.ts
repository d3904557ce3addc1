import fc from 'fast-check'
import { createMemberFunction } from '../../cloudfunctions/member/index'
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import { startTestEmulator, type TestEmulator } from '../support/emulator'
import { seedOfficer } from '../support/accounts'
import { invoke, okData } from '../support/invoke'

/**
 * Acceptance (issue 2): every member action given malformed, oversized or
 * wrong-typed input returns INVALID_ARGUMENT and changes nothing.
 */
let emu: TestEmulator
const main = createMemberFunction({ clock: () => Date.UTC(2026, 4, 1) })
const CSV = '姓名,会员证号,手机号,所属工会\n李明,GH3201000123,13800000123,秦淮区总工会\n王芳,GH3201000456,13900000456,秦淮区总工会'

const notString = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
)
const notInt = fc.oneof(
  fc.string({ maxLength: 5 }),
  fc.boolean(),
  fc.constant(null),
  fc.double({ noInteger: true }),
  fc.object({ maxDepth: 1 }),
)
const tooLong = (max: number) => fc.string({ minLength: max + 1, maxLength: max + 40 }).filter((s) => s.trim().length > max)
const notObject = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.anything(), { maxLength: 3 }))
const bigCsv = `${'姓名,会员证号,所属工会\n'}${'某某,GH00000001,某工会\n'.repeat(110_000)}`
const manyRows = `${'姓名,会员证号,所属工会\n'}${'某某,GH00000001,某工会\n'.repeat(5_001)}`

/** Each action's valid input, and arbitraries that break it one way or another. */
function cases(valid: Record<string, unknown>, breakers: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  const allowed = new Set(Object.keys(valid))
  const extraKey = fc
    .tuple(
      fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !allowed.has(k) && k !== '__proto__'),
      fc.anything(),
    )
    .map(([k, v]) => ({ ...valid, [k]: v }))
  const fieldBreaks = Object.entries(breakers).map(([field, arb]) => arb.map((v) => ({ ...valid, [field]: v })))
  return fc.oneof(notObject, extraKey, ...fieldBreaks)
}

const scope = { kind: 'merchant', id: 'merchant-suguo-xjk', name: '苏果超市' }
const ACTIONS: Record<string, fc.Arbitrary<unknown>> = {
  me: cases({}, {}),
  unbind: cases({}, {}),
  exportMyData: cases({}, {}),
  inviteTargets: cases({}, {}),
  listDeletionRequests: cases({ status: 'open' }, { status: fc.oneof(notString, fc.constant('closed')) }),
  processDeletionRequest: cases(
    { id: 'del-000000000000000000000000' },
    { id: fc.oneof(notString, fc.constant('o-wang:123'), tooLong(40)) },
  ),
  requestDeletion: cases({}, {}),
  verify: fc.oneof(
    cases(
      { name: '李明', cardNo: 'GH3201000123' },
      { name: fc.oneof(notString, tooLong(20), fc.constant('  ')), cardNo: fc.oneof(notString, tooLong(32), fc.constant('GH#1234')) },
    ),
    cases(
      { name: '李明', phone: '13800000123' },
      { phone: fc.oneof(notString, fc.constant('1380000012'), fc.constant('138000001234')), cardNo: fc.constant('GH3201000123') },
    ),
    fc.constant({ name: '李明' }),
  ),
  importRoster: cases({ csv: CSV }, { csv: fc.oneof(notString, fc.constant(''), fc.constant(bigCsv), fc.constant(manyRows)) }),
  createInvite: cases(
    { scope, ttlHours: 24 },
    {
      scope: fc.oneof(
        notObject,
        fc.constant(null),
        fc.constant({ ...scope, kind: 'shop' }),
        fc.constant({ ...scope, id: '苏果' }),
        tooLong(40).map((name) => ({ ...scope, name })),
        fc.constant({ kind: 'site' }),
        fc.constant({ kind: 'site', id: 'x', name: '\u202E' }),
      ),
      ttlHours: fc.oneof(notInt, fc.constant(0), fc.constant(721), fc.integer({ max: 0 })),
    },
  ),
  redeemInvite: cases({ code: 'ABCD-EFGH' }, { code: fc.oneof(notString, fc.constant(''), tooLong(32)) }),
  listRoster: cases(
    { page: 0, pageSize: 10 },
    {
      page: fc.oneof(notInt, fc.integer({ max: -1 }), fc.constant(1001)),
      pageSize: fc.oneof(notInt, fc.constant(0), fc.constant(51)),
      q: fc.oneof(notString, tooLong(24)),
    },
  ),
}

/** Officers' actions refuse anyone else before reading her input (auth.ts step 1). */
const OFFICERS_ONLY = new Set(
  Object.entries(main.actions)
    .filter(([, a]) => a.auth === 'officer' || (typeof a.auth === 'object' && 'officer' in a.auth))
    .map(([name]) => name),
)

async function snapshot(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {}
  for (const name of Object.values(COLLECTIONS)) out[name] = (await emu.db.collection(name).limit(1000).get()).data
  return out
}

beforeAll(async () => {
  emu = await startTestEmulator()
  // Every collection exists from the start, so a snapshot reads them all and a read error is a failure.
  for (const name of Object.values(COLLECTIONS)) await emu.db.createCollection(name)
  await seedOfficer(emu.db, 'o-officer', 0)
  okData(await invoke(main, 'o-officer', 'importRoster', { csv: CSV }))
  await emu.db.collection(COLLECTIONS.voucherMerchants).add({
    _id: 'merchant-suguo-xjk',
    name: '苏果超市（新街口店）',
    address: '南京市中山路 1 号',
    category: '超市',
    suspended: false,
    createdAt: 0,
    updatedAt: 0,
  })
  okData(await invoke(main, 'o-member', 'verify', { name: '李明', cardNo: 'GH3201000123' }))
  okData(await invoke(main, 'o-officer', 'createInvite', { scope }))
})
afterAll(() => emu.stop())

describe.each(Object.keys(ACTIONS))('%s', (actionName) => {
  it('answers malformed, oversized or wrong-typed input with INVALID_ARGUMENT (callers it does not allow: their refusal), changing nothing', async () => {
    const before = await snapshot()
    await fc.assert(
      fc.asyncProperty(ACTIONS[actionName], fc.constantFrom('o-officer', 'o-member', 'o-stranger'), async (data, openid) => {
        const res = await invoke(main, openid, actionName, data)
        const auth = main.actions[actionName].auth
        const refusedAs = auth === 'member' && openid !== 'o-member' ? 'NOT_VERIFIED' : null
        const code = OFFICERS_ONLY.has(actionName) && openid !== 'o-officer' ? 'FORBIDDEN' : (refusedAs ?? 'INVALID_ARGUMENT')
        expect(res).toMatchObject({ ok: false, code })
      }),
      { numRuns: 60 },
    )
    expect(await snapshot()).toEqual(before)
  })
})

it('refuses a malformed request id or action the same way', async () => {
  const before = await snapshot()
  for (const requestId of ['short', 'x'.repeat(65), 'has space in it', 12345678] as unknown as string[]) {
    expect(await invoke(main, 'o-member', 'unbind', {}, requestId)).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
      field: 'requestId',
    })
  }
  expect(await invoke(main, 'o-member', 42 as unknown as string, {})).toMatchObject({
    ok: false,
    code: 'INVALID_ARGUMENT',
    field: 'action',
  })
  expect(await invoke(main, 'o-member', 'dropRoster', {})).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
  expect(await snapshot()).toEqual(before)
})

describe('text and keys (issue 7 §2)', () => {
  it('refuses hidden characters in a name and names the field; an unknown key is named too; nothing is stored', async () => {
    for (const name of ['李\u0000明', '李\u202E明', '李\u200B明']) {
      expect(await invoke(main, 'input-text', 'verify', { name, cardNo: 'GH3201000123' })).toMatchObject({
        ok: false,
        code: 'INVALID_ARGUMENT',
        field: 'name',
      })
    }
    expect(await invoke(main, 'input-text', 'verify', { name: '李明', cardNo: 'GH3201000123', openid: 'someone-else' })).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
      field: 'openid',
    })
    expect((await emu.db.collection(COLLECTIONS.users).doc('input-text').get()).data).toHaveLength(0)
  })

  it('refuses an unknown key at any depth, __proto__ included, naming it', async () => {
    const before = await snapshot()
    const nested = JSON.parse('{"scope":{"kind":"merchant","id":"merchant-suguo-xjk","__proto__":{"admin":true}}}')
    expect(await invoke(main, 'o-officer', 'createInvite', nested)).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
      field: 'scope.__proto__',
    })
    const chunk = { importId: 'abcdefgh', part: 0, parts: 2, firstLine: 2, extra: 1 }
    expect(await invoke(main, 'o-officer', 'importRoster', { csv: CSV, chunk })).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
      field: 'chunk.extra',
    })
    const top = JSON.parse('{"name":"李明","cardNo":"GH3201000123","__proto__":{}}')
    expect(await invoke(main, 'o-member', 'verify', top)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', field: '__proto__' })
    expect(await snapshot()).toEqual(before)
  })
})
