import { startTestEmulator, type TestEmulator } from '../../test/support/emulator'
import { AppError } from './errors'
import { type ClaimDoc, claimKey, createClaimLedger, STALE_CLAIM_MS } from './claim-ledger'
import { createPlaceStore } from './place-store'
import { sweepHolders } from './sweeper'

let emu: TestEmulator
const now = 1_000_000
beforeAll(async () => {
  emu = await startTestEmulator()
})
afterAll(() => emu.stop())

interface Gift extends ClaimDoc {
  state: 'pending' | 'confirmed' | 'failed'
  tierId: string
  openid: string
}

function setup(tierId: string) {
  const stock = createPlaceStore(emu.db, 'tiers')
  const ledger = createClaimLedger<Gift>(emu.db, {
    collection: 'gifts',
    stateField: 'state',
    pending: 'pending',
    failed: 'failed',
    reusable: ['failed'],
    clock: () => now,
    holdsOf: (d) => [{ store: stock, docId: d.tierId, key: d.claimId, holder: { c: d._id }, refusal: 'OUT_OF_STOCK', settle: true }],
  })
  const doc = (openid: string, claimId = `${openid}-${Math.random().toString(36).slice(2)}`, requestId: string | null = null): Gift => ({
    _id: claimKey(tierId, openid),
    claimId,
    pendingAt: now,
    requestId,
    state: 'pending',
    tierId,
    openid,
  })
  const confirm = () => ({ state: 'confirmed' })
  return { stock, ledger, doc, confirm }
}
const tier = async (id: string) => ((await emu.db.collection('tiers').doc(id).get()).data as any[])[0]
const code = (e: unknown) => (e instanceof AppError ? e.code : String(e))

test('30 people for 5 units: 5 confirmed, the rest refused, nothing left held', async () => {
  await emu.db.collection('tiers').add({ _id: 't1', left: 5, holders: {} })
  const { ledger, doc, confirm } = setup('t1')
  const out = await Promise.all(Array.from({ length: 30 }, (_x, i) => ledger.claim(doc(`m${i}`), confirm).then((r) => r.outcome, code)))
  expect(out.filter((o) => o === 'confirmed')).toHaveLength(5)
  expect(out.filter((o) => o === 'OUT_OF_STOCK')).toHaveLength(25)
  expect(await tier('t1')).toMatchObject({ left: 0, holders: {} })
})

test('one person tapping ten times at once: one claim, nine see it exists', async () => {
  await emu.db.collection('tiers').add({ _id: 't2', left: 5, holders: {} })
  const { ledger, doc, confirm } = setup('t2')
  const out = await Promise.all(Array.from({ length: 10 }, () => ledger.claim(doc('eager'), confirm).then((r) => r.outcome)))
  expect(out.sort()).toEqual(['confirmed', ...Array(9).fill('exists')])
  expect((await tier('t2')).left).toBe(4)
})

test('her next attempt finishes her own dead claim at once (it had taken the unit), taking nothing twice', async () => {
  await emu.db.collection('tiers').add({ _id: 't3', left: 2, holders: {} })
  const { stock, ledger, doc, confirm } = setup('t3')
  const dead = doc('w', 'dead-claim')
  await emu.db.collection('gifts').add({ ...dead, pendingAt: now - 5_000 }) // the crashed call wrote its claim …
  await stock.take('t3', 'dead-claim', { c: dead._id }) // … and took the unit, then died
  const started = Date.now()
  const r = await ledger.claim(doc('w'), confirm)
  expect(Date.now() - started).toBeLessThan(1_000)
  expect(r).toMatchObject({ outcome: 'confirmed', resumed: true, doc: { claimId: 'dead-claim', state: 'confirmed' } })
  expect(await tier('t3')).toMatchObject({ left: 1, holders: {} })
})

test('a dead claim she no longer wants is given back and her new claim goes on', async () => {
  await emu.db.collection('tiers').add({ _id: 't4', left: 1, holders: {} })
  const { stock, ledger, doc, confirm } = setup('t4')
  const dead = doc('v', 'old-claim')
  await emu.db.collection('gifts').add({ ...dead, pendingAt: now - 5_000 })
  await stock.take('t4', 'old-claim', { c: dead._id })
  const r = await ledger.claim(doc('v', 'new-claim'), confirm, { resume: () => 'give-back' })
  expect(r).toMatchObject({ outcome: 'confirmed', resumed: false, doc: { claimId: 'new-claim' } })
  expect(await tier('t4')).toMatchObject({ left: 0, holders: {} })
})

test('the same request id after a crash gets its own claim back without waiting', async () => {
  await emu.db.collection('tiers').add({ _id: 't5', left: 1, holders: {} })
  const { ledger, doc, confirm } = setup('t5')
  await emu.db.collection('gifts').add({ ...doc('r', 'first', 'req-1'), pendingAt: now })
  const started = Date.now()
  const r = await ledger.claim(doc('r', 'second', 'req-1'), confirm)
  expect(Date.now() - started).toBeLessThan(1_000)
  expect(r).toMatchObject({ outcome: 'confirmed', doc: { claimId: 'first' } })
})

test('the sweeper gives back stale claims and orphan holds, settles confirmed ones', async () => {
  await emu.db.collection('tiers').add({ _id: 't6', left: 4, holders: {} })
  const { stock, ledger, doc } = setup('t6')
  const stale = doc('s1', 'stale')
  await emu.db.collection('gifts').add({ ...stale, pendingAt: now - STALE_CLAIM_MS - 1 })
  await stock.take('t6', 'stale', { c: stale._id })
  await stock.take('t6', 'orphan', { c: claimKey('t6', 'nobody') })
  const done = doc('s2', 'done')
  await emu.db.collection('gifts').add({ ...done, state: 'confirmed' })
  await stock.take('t6', 'done', { c: done._id })
  const fresh = doc('s3', 'fresh')
  await emu.db.collection('gifts').add(fresh)
  await stock.take('t6', 'fresh', { c: fresh._id })
  const released = await sweepHolders(
    {
      store: stock,
      docId: 't6',
      ledger,
      claimOf: (_k, h) => String(h.c),
      holdsOf: (d) => [{ store: stock, docId: 't6', key: d.claimId, holder: {}, refusal: 'OUT_OF_STOCK', settle: true }],
      stateOf: (d) => (d.state === 'pending' ? 'pending' : d.state === 'confirmed' ? 'final' : 'gone'),
    },
    now,
  )
  expect(released).toBe(2)
  const t = await tier('t6')
  expect(t.left).toBe(2) // stale + orphan back; done consumed; fresh still held
  expect(Object.keys(t.holders)).toEqual(['fresh'])
  expect((await ledger.get(stale._id))?.state).toBe('failed')
})
