import { forEachTarget, rejection } from './targets'

/** Writes, ids, transactions and errors as Tencent's tests assert of CloudBase (issue 11). */
forEachTarget('CloudBase parity: writes', (target) => {
  let coll: string
  beforeAll(async () => {
    coll = await target().collection('parity_w')
  })
  const c = () => target().db.collection(coll)
  const oid = (hex: string) => (target().db as unknown as { ObjectId(o: { id: string }): unknown }).ObjectId({ id: hex })

  test('ObjectId values read back as plain hex strings, and queries by ObjectId still match', async () => {
    const hex = '5f1d7a3b2c4e5f6a7b8c9d0e'
    await c().add({ _id: 'oid-field', ref: oid(hex) })
    expect((await c().doc('oid-field').get()).data[0].ref).toBe(hex)
    const found = await c()
      .where({ ref: oid(hex) })
      .get()
    expect(found.data.map((d) => d._id)).toEqual(['oid-field'])
    expect(found.data[0].ref).toBe(hex)
  })

  test('an ObjectId _id round-trips: add answers its hex, doc(hex) finds it, reads show the hex', async () => {
    const hex = '5f1d7a3b2c4e5f6a7b8c9d0f'
    const added = (await c().add({ _id: oid(hex), k: 'oid-id' })) as { id?: string }
    expect(added.id).toBe(hex)
    expect((await c().doc(hex).get()).data).toEqual([{ _id: hex, k: 'oid-id' }])
    expect((await c().where({ k: 'oid-id' }).get()).data[0]._id).toBe(hex)
  })

  test('a transaction snapshot starts at its first operation, not at startTransaction', async () => {
    const tx = await target().db.startTransaction()
    try {
      await c().add({ _id: 'snap-late', n: 1 }) // after start, before the transaction's first read
      expect((await tx.collection(coll).doc('snap-late').get()).data).toMatchObject({ n: 1 })
    } finally {
      await tx.rollback()
    }
  })

  test('updateAndReturn reports updated: 1 even when the values are already there; 0 and null when nothing matches', async () => {
    await c().add({ _id: 'far-1', far: 'same', a: 1 })
    const same = await c().where({ far: 'same' }).updateAndReturn({ a: 1 })
    expect(same.updated).toBe(1)
    expect(same.doc).toMatchObject({ _id: 'far-1', a: 1 })
    const none = await c().where({ far: 'nobody' }).updateAndReturn({ a: 1 })
    expect(none).toMatchObject({ updated: 0, doc: null })
  })

  test('doc().set() with identical content reports updated: 1; an operator update that changes nothing reports 0', async () => {
    await c().add({ _id: 'set-1', a: 1, b: { c: 2 } })
    expect(
      (
        await c()
          .doc('set-1')
          .set({ a: 1, b: { c: 2 } })
      ).updated,
    ).toBe(1)
    // MongoDB's nModified, which CloudBase's `updated` follows for operator updates (the CAS updates in cloudfunctions/ rely on it).
    expect((await c().where({ _id: 'set-1', a: 1 }).update({ a: 1 })).updated).toBe(0)
    expect((await c().where({ _id: 'set-1', a: 1 }).update({ a: 2 })).updated).toBe(1)
  })

  test('$inc and $mul on a field that holds no number are refused with DATABASE_REQUEST_FAILED, nothing changed (MongoDB TypeMismatch)', async () => {
    const _ = target().db.command
    await c().add({ _id: 'inc-str', n: 'seven', m: 2, when: new Date(0) })
    expect(
      (
        await rejection(
          c()
            .where({ _id: 'inc-str' })
            .updateAndReturn({ n: _.inc(1) }),
        )
      ).code,
    ).toBe('DATABASE_REQUEST_FAILED')
    expect(
      (
        await rejection(
          c()
            .doc('inc-str')
            .update({ n: _.mul(2) }),
        )
      ).code,
    ).toBe('DATABASE_REQUEST_FAILED')
    expect(
      (
        await rejection(
          c()
            .doc('inc-str')
            .update({ when: _.inc(1) }),
        )
      ).code,
    ).toBe('DATABASE_REQUEST_FAILED')
    // A missing field starts from 0; a number moves.
    await c()
      .doc('inc-str')
      .update({ m: _.inc(3), fresh: _.inc(1) })
    expect((await c().doc('inc-str').get()).data[0]).toMatchObject({ n: 'seven', m: 5, fresh: 1 })
  })

  test('field names starting with $ are refused with DATABASE_REQUEST_FAILED, nothing stored', async () => {
    const err = await rejection(c().add({ $_key: 1, k: 'dollar' }))
    expect(err.code).toBe('DATABASE_REQUEST_FAILED')
    const nested = await rejection(c().add({ k: 'dollar', o: { $bad: 1 } }))
    expect(nested.code).toBe('DATABASE_REQUEST_FAILED')
    expect((await c().where({ k: 'dollar' }).get()).data).toEqual([])
  })

  test('errors end with CloudBase sentence "Please check your request, but if the problem persists, contact us."', async () => {
    await c().add({ _id: 'dup-1' })
    const err = await rejection(c().add({ _id: 'dup-1' }))
    expect(err.code).toBe('DATABASE_DUPLICATE_WRITE')
    expect(err.message).toMatch(/ Please check your request, but if the problem persists, contact us\.$/)
  })

  test('collection.update() without where() is refused with INVALID_PARAM and changes nothing', async () => {
    await c().add({ _id: 'nowhere-1', touched: false })
    const err = await rejection(c().update({ touched: true }))
    expect(err.code).toBe('INVALID_PARAM')
    expect((await c().doc('nowhere-1').get()).data[0].touched).toBe(false)
  })
})
