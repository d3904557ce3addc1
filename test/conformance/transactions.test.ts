import { forEachTarget, rejection } from './targets'

/**
 * Transactions as CloudBase runs them (MongoDB underneath): snapshot reads,
 * write conflicts, commit makes everything visible at once, rollback nothing.
 */
forEachTarget('transactions', (target) => {
  let coll: string
  beforeAll(async () => {
    coll = await target().collection('tx')
  })
  const c = () => target().db.collection(coll)
  const n = async (id: string) => (await c().doc(id).get()).data[0]?.n

  test('commit makes all writes visible together; before it, others see none', async () => {
    await c().add({ _id: 'tc-1', n: 1 })
    const tx = await target().db.startTransaction()
    await tx.collection(coll).doc('tc-1').update({ n: 2 })
    await tx.collection(coll).add({ _id: 'tc-2', n: 20 })
    expect(await n('tc-1')).toBe(1)
    expect(await n('tc-2')).toBeUndefined()
    await tx.commit()
    expect(await n('tc-1')).toBe(2)
    expect(await n('tc-2')).toBe(20)
  })

  test('rollback discards every write', async () => {
    await c().add({ _id: 'ta-1', n: 1 })
    const tx = await target().db.startTransaction()
    await tx.collection(coll).doc('ta-1').update({ n: 5 })
    await tx.collection(coll).add({ _id: 'ta-2', n: 1 })
    await tx.rollback()
    expect(await n('ta-1')).toBe(1)
    expect(await n('ta-2')).toBeUndefined()
  })

  test('a transaction reads its own writes and a stable snapshot of the rest', async () => {
    await c().add([
      { _id: 'ts-1', n: 1 },
      { _id: 'ts-2', n: 1 },
    ])
    const tx = await target().db.startTransaction()
    expect((await tx.collection(coll).doc('ts-1').get()).data.n).toBe(1)
    await c().doc('ts-1').update({ n: 99 }) // committed outside, after the snapshot
    expect((await tx.collection(coll).doc('ts-1').get()).data.n).toBe(1)
    await tx.collection(coll).doc('ts-2').update({ n: 2 })
    expect((await tx.collection(coll).doc('ts-2').get()).data.n).toBe(2)
    await tx.commit()
    expect(await n('ts-1')).toBe(99)
  })

  test('where().get() in a transaction sees its own inserts and updates, not later commits by others', async () => {
    await c().add({ _id: 'tq-1', grp: 'tq', n: 1 })
    const tx = await target().db.startTransaction()
    await tx.collection(coll).add({ _id: 'tq-2', grp: 'tq', n: 2 })
    await tx.collection(coll).doc('tq-1').update({ n: 10 })
    await c().add({ _id: 'tq-3', grp: 'tq', n: 3 }) // committed outside, after the snapshot
    const seen = (await tx.collection(coll).where({ grp: 'tq' }).get()).data.map((d: { _id: string; n: number }) => [d._id, d.n])
    expect(seen.sort()).toEqual([
      ['tq-1', 10],
      ['tq-2', 2],
    ])
    await tx.commit()
    expect((await c().where({ grp: 'tq' }).count()).total).toBe(3)
  })

  test('writing a document another open transaction has written fails with DATABASE_TRANSACTION_CONFLICT', async () => {
    await c().add({ _id: 'tw-1', n: 0 })
    const first = await target().db.startTransaction()
    const second = await target().db.startTransaction()
    await first.collection(coll).doc('tw-1').update({ n: 1 })
    const err = await rejection(second.collection(coll).doc('tw-1').update({ n: 2 }))
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT')
    await second.rollback().catch(() => undefined) // the service has already aborted it
    await first.commit()
    expect(await n('tw-1')).toBe(1)
  })

  test('writing a document changed since the transaction read it fails with DATABASE_TRANSACTION_CONFLICT', async () => {
    await c().add({ _id: 'tv-1', n: 0 })
    const tx = await target().db.startTransaction()
    expect((await tx.collection(coll).doc('tv-1').get()).data.n).toBe(0)
    await c().doc('tv-1').update({ n: 7 })
    const err = await rejection(tx.collection(coll).doc('tv-1').update({ n: 1 }))
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT')
    await tx.rollback().catch(() => undefined)
    expect(await n('tv-1')).toBe(7)
  })

  test('runTransaction commits what its callback wrote and returns its value', async () => {
    await c().add({ _id: 'tr-1', n: 3 })
    const result = await target().db.runTransaction(async (tx: any) => {
      const doc = (await tx.collection(coll).doc('tr-1').get()).data
      await tx
        .collection(coll)
        .doc('tr-1')
        .update({ n: doc.n - 1 })
      return doc.n - 1
    })
    expect(result).toBe(2)
    expect(await n('tr-1')).toBe(2)
  })
})
