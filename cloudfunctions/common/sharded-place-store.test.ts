import { startTestEmulator, type TestEmulator } from '../../test/support/emulator'
import { createClaimLedger, type ClaimDoc } from './claim-ledger'
import { createShardedPlaceStore, createShards, shardId, shardShares } from './sharded-place-store'
import { sweepHolders } from './sweeper'

let emu: TestEmulator
beforeAll(async () => {
  emu = await startTestEmulator()
})
afterAll(() => emu.stop())

const shardsOf = async (docId: string, n: number) =>
  (
    await emu.db
      .collection('places')
      .where({ _id: emu.db.command.in(Array.from({ length: n }, (_x, i) => shardId(docId, i))) })
      .get()
  ).data as {
    left: number
    holders: Record<string, unknown>
  }[]

test('shares split the stock exactly', () => {
  expect(shardShares(50, 8)).toEqual([7, 7, 6, 6, 6, 6, 6, 6])
  expect(shardShares(3, 8).reduce((a, b) => a + b)).toBe(3)
})

test('200 concurrent takes for 50 places over 8 shards: exactly 50, no shard below zero, each key once', async () => {
  await createShards(emu.db, 'places', 'hot', 50, 8)
  const store = createShardedPlaceStore(emu.db, 'places', 8)
  const took = await Promise.all(Array.from({ length: 200 }, (_x, i) => store.take('hot', `k${i}`, { o: `m${i}` })))
  expect(took.filter(Boolean)).toHaveLength(50)
  const rows = await shardsOf('hot', 8)
  expect(rows.every((r) => r.left === 0)).toBe(true)
  expect(Object.keys(await store.holders('hot'))).toHaveLength(50)
  expect(await store.left('hot')).toBe(0)
})

test('a key that fell over to another shard is found, never taken twice, released once', async () => {
  await createShards(emu.db, 'places', 'fall', 2, 2)
  const store = createShardedPlaceStore(emu.db, 'places', 2)
  // Fill one shard so some key's home is empty and it must fall over.
  const keys = Array.from({ length: 6 }, (_x, i) => `f${i}`)
  const got: string[] = []
  for (const k of keys) if (await store.take('fall', k, { o: k })) got.push(k)
  expect(got).toHaveLength(2)
  for (const k of got) {
    expect(await store.take('fall', k, { o: k })).toBe(false)
    expect(await store.holding('fall', k)).toMatchObject({ o: k, n: 1 })
  }
  expect(await Promise.all([store.release('fall', got[0]), store.release('fall', got[0])])).toEqual(expect.arrayContaining([true, false]))
  expect(await store.left('fall')).toBe(1)
})

interface Claim extends ClaimDoc {
  openid: string
  state: 'pending' | 'done' | 'failed'
}

test('with the claim ledger: one per member however often she taps; the sweeper gives back a dead claim across shards', async () => {
  await createShards(emu.db, 'places', 'camp', 10, 4)
  const store = createShardedPlaceStore(emu.db, 'places', 4)
  let now = 1_000_000
  const ledger = createClaimLedger<Claim>(emu.db, {
    collection: 'camp_claims',
    stateField: 'state',
    pending: 'pending',
    failed: 'failed',
    reusable: ['failed'],
    holdsOf: (d) => [{ store, docId: 'camp', key: d.claimId, holder: { o: d.openid }, refusal: 'SOLD_OUT', settle: true }],
    clock: () => now,
  })
  const tap = (openid: string, i: number) =>
    ledger
      .claim({ _id: `camp:${openid}`, claimId: `${openid}-${i}`, pendingAt: now, openid, state: 'pending' }, () => ({ state: 'done' }))
      .then(
        (r) => r.outcome,
        (e: { code?: string }) => e.code ?? 'ERR',
      )
  const members = Array.from({ length: 8 }, (_x, i) => `m${i}`)
  await Promise.all(members.flatMap((m) => [tap(m, 0), tap(m, 1), tap(m, 2)]))
  const claims = (await emu.db.collection('camp_claims').where({ state: 'done' }).get()).data as Claim[]
  expect(new Set(claims.map((c) => c.openid)).size).toBe(claims.length)
  expect(claims).toHaveLength(8)
  expect(await store.left('camp')).toBe(2)
  // A claim that died holding a place on some shard: the sweeper finds it through the merged holders.
  await emu.db.collection('camp_claims').add({ _id: 'camp:dead', claimId: 'dead-0', pendingAt: now, openid: 'dead', state: 'pending' })
  expect(await store.take('camp', 'dead-0', { o: 'dead' })).toBe(true)
  now += 120_000
  const given = await sweepHolders(
    {
      store,
      docId: 'camp',
      ledger,
      claimOf: (k) => (k.startsWith('dead') ? 'camp:dead' : null),
      holdsOf: (d) => [{ store, docId: 'camp', key: d.claimId, holder: {}, refusal: 'SOLD_OUT' }],
      stateOf: (d) => (d.state === 'pending' ? 'pending' : d.state === 'done' ? 'final' : 'gone'),
    },
    now,
  )
  expect(given).toBe(1)
  expect(await store.left('camp')).toBe(2)
})
