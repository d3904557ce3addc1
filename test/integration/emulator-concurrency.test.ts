import { startTestEmulator, type TestEmulator } from '../support/emulator'

/** Contention through the real SDK: the guarantees bounded resources rely on. */
let emu: TestEmulator
beforeAll(async () => {
  emu = await startTestEmulator()
})
afterAll(() => emu.stop())

test('200 concurrent conditional decrements on a stock of 20: exactly 20 win and the stock ends at 0', async () => {
  const db = emu.db
  const _ = db.command
  await db.collection('stock').add({ _id: 'gift-1', left: 20 })
  const results = await Promise.all(
    Array.from({ length: 200 }, () =>
      db
        .collection('stock')
        .where({ _id: 'gift-1', left: _.gt(0) })
        .update({ left: _.inc(-1) }),
    ),
  )
  expect(results.filter((r) => r.updated === 1)).toHaveLength(20)
  expect(results.filter((r) => r.updated === 0)).toHaveLength(180)
  expect((await db.collection('stock').doc('gift-1').get()).data[0].left).toBe(0)
})

test('concurrent duplicate inserts of one ledger id: exactly one succeeds', async () => {
  const db = emu.db
  const outcomes = await Promise.allSettled(
    Array.from({ length: 50 }, (_x, i) => db.collection('ledger').add({ _id: 'p1:openid-1', attempt: i })),
  )
  expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1)
  const codes = outcomes.flatMap((o) => (o.status === 'rejected' ? [(o.reason as { code?: string }).code] : []))
  expect(new Set(codes)).toEqual(new Set(['DATABASE_DUPLICATE_WRITE']))
})

test('concurrent read-modify-write transactions on one counter: conflicts are reported, no update is lost', async () => {
  const db = emu.db
  await db.collection('counter').add({ _id: 'c1', n: 0 })
  const attempts = 30
  const outcomes = await Promise.allSettled(
    Array.from({ length: attempts }, async () => {
      const tx = await db.startTransaction()
      try {
        const { n } = (await tx.collection('counter').doc('c1').get()).data
        await new Promise((r) => setTimeout(r, 5)) // let the others read the same value
        await tx
          .collection('counter')
          .doc('c1')
          .update({ n: n + 1 })
        await tx.commit()
      } catch (e) {
        await tx.rollback().catch(() => undefined)
        throw e
      }
    }),
  )
  const committed = outcomes.filter((o) => o.status === 'fulfilled').length
  const conflicts = outcomes.filter(
    (o) => o.status === 'rejected' && (o.reason as { code?: string }).code === 'DATABASE_TRANSACTION_CONFLICT',
  ).length
  expect(committed).toBeGreaterThanOrEqual(1)
  expect(conflicts).toBeGreaterThanOrEqual(1)
  expect(committed + conflicts).toBe(attempts)
  expect((await db.collection('counter').doc('c1').get()).data[0].n).toBe(committed)
})

test('runTransaction retries a conflicting callback, so concurrent increments all land when retries suffice', async () => {
  const db = emu.db
  await db.collection('counter').add({ _id: 'c2', n: 0 })
  const outcomes = await Promise.allSettled(
    Array.from({ length: 3 }, (_x, i) =>
      db.runTransaction(async (tx: any) => {
        const { n } = (await tx.collection('counter').doc('c2').get()).data
        await new Promise((r) => setTimeout(r, 5 * i))
        await tx
          .collection('counter')
          .doc('c2')
          .update({ n: n + 1 })
      }),
    ),
  )
  const committed = outcomes.filter((o) => o.status === 'fulfilled').length
  expect((await db.collection('counter').doc('c2').get()).data[0].n).toBe(committed)
  expect(committed).toBe(3)
})
