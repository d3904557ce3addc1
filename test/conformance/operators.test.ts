import { forEachTarget } from './targets'

/** The wider operator set the SDK exposes: update commands, query commands, aggregation stages. */
forEachTarget('operators', (target) => {
  let coll: string
  beforeAll(async () => {
    coll = await target().collection('ops')
  })
  const c = () => target().db.collection(coll)
  const _ = () => target().db.command
  const doc = async (id: string) => (await c().doc(id).get()).data[0]

  test('array update commands: push with options, pop, shift, unshift, addToSet, pull, pullAll', async () => {
    await c().add({ _id: 'arr-1', a: [3, 1], b: [1, 2, 3], s: ['x'], p: [1, 2, 3, 2, 1], q: [1, 2, 3, 4] })
    await c()
      .doc('arr-1')
      .update({ a: _().push({ each: [5, 2], sort: 1, slice: 3 }), b: _().pop(), s: _().addToSet('x') })
    expect(await doc('arr-1')).toMatchObject({ a: [1, 2, 3], b: [1, 2], s: ['x'] })
    // addToSet passes its argument through as is: several values need Mongo's own `$each` (push maps `each`).
    await c()
      .doc('arr-1')
      .update({ b: _().shift(), s: _().addToSet({ $each: ['y', 'x', 'z'] }), a: _().unshift([0]) })
    expect(await doc('arr-1')).toMatchObject({ a: [0, 1, 2, 3], b: [2], s: ['x', 'y', 'z'] })
    await c()
      .doc('arr-1')
      .update({ p: _().pull(2), q: _().pullAll([1, 4]), a: _().push({ each: [9], position: 1 }) })
    expect(await doc('arr-1')).toMatchObject({ p: [1, 3, 1], q: [2, 3], a: [0, 9, 1, 2, 3] })
    await c()
      .doc('arr-1')
      .update({ q: _().pull(_().gt(2)) })
    expect((await doc('arr-1')).q).toEqual([2])
  })

  test('number and field commands: mul, min, max, rename, and nested paths', async () => {
    await c().add({ _id: 'num-1', n: 3, lo: 5, hi: 5, old: 'v', o: { deep: { k: 1 } } })
    await c()
      .doc('num-1')
      .update({ n: _().mul(4), lo: _().min(2), hi: _().max(1), old: _().rename('renamed'), o: { deep: { k: _().inc(1), j: 'new' } } })
    expect(await doc('num-1')).toEqual({ _id: 'num-1', n: 12, lo: 2, hi: 5, renamed: 'v', o: { deep: { k: 2, j: 'new' } } })
    await c().doc('num-1').update({ 'o.deep.k': 10 })
    expect((await doc('num-1')).o).toEqual({ deep: { k: 10, j: 'new' } })
  })

  describe('query commands', () => {
    let q: string
    const ids = (res: { data: { _id: string }[] }) => res.data.map((d) => d._id).sort()
    beforeAll(async () => {
      q = await target().collection('qops')
      await target()
        .db.collection(q)
        .add([
          { _id: 'a', n: 1, tags: ['red', 'big'], o: { k: 1 }, items: [{ sku: 'x', qty: 2 }] },
          { _id: 'b', n: 2, tags: ['red'], o: { k: 2 }, items: [{ sku: 'y', qty: 9 }] },
          { _id: 'c', n: 3, o: { k: 1 }, maybe: null },
        ])
    })
    const col = () => target().db.collection(q)

    test('exists, nin, neq, and, mod', async () => {
      expect(
        ids(
          await col()
            .where({ tags: _().exists(false) })
            .get(),
        ),
      ).toEqual(['c'])
      expect(
        ids(
          await col()
            .where({ n: _().nin([1, 3]) })
            .get(),
        ),
      ).toEqual(['b'])
      expect(
        ids(
          await col()
            .where({ n: _().neq(2) })
            .get(),
        ),
      ).toEqual(['a', 'c'])
      expect(
        ids(
          await col()
            .where({ n: _().gt(1).and(_().lt(3)) })
            .get(),
        ),
      ).toEqual(['b'])
      // The SDK's .d.ts types mod() without its (divisor, remainder) parameters.
      expect(
        ids(
          await col()
            .where({ n: (_() as any).mod(2, 1) })
            .get(),
        ),
      ).toEqual(['a', 'c'])
    })

    test('arrays: element match, all, size, elemMatch; nested objects match by path', async () => {
      expect(ids(await col().where({ tags: 'red' }).get())).toEqual(['a', 'b'])
      expect(
        ids(
          await col()
            .where({ tags: _().all(['red', 'big']) })
            .get(),
        ),
      ).toEqual(['a'])
      expect(
        ids(
          await col()
            .where({ tags: _().size(1) })
            .get(),
        ),
      ).toEqual(['b'])
      expect(
        ids(
          await col()
            .where({ items: _().elemMatch({ sku: 'y', qty: _().gt(5) }) })
            .get(),
        ),
      ).toEqual(['b'])
      expect(
        ids(
          await col()
            .where({ o: { k: 1 } })
            .get(),
        ),
      ).toEqual(['a', 'c'])
      expect(ids(await col().where({ 'items.sku': 'x' }).get())).toEqual(['a'])
    })

    test('field() excludes, orderBy() takes several keys', async () => {
      const res = await col().where({}).orderBy('o.k', 'asc').orderBy('n', 'desc').field({ items: false, tags: false, maybe: false }).get()
      expect(res.data).toEqual([
        { _id: 'c', n: 3, o: { k: 1 } },
        { _id: 'a', n: 1, o: { k: 1 } },
        { _id: 'b', n: 2, o: { k: 2 } },
      ])
    })

    test('aggregate: lookup, unwind, project, count', async () => {
      const skus = await target().collection('skus')
      await target()
        .db.collection(skus)
        .add([
          { _id: 'x', name: '毛巾' },
          { _id: 'y', name: '水杯' },
        ])
      const res = await col()
        .aggregate()
        .match({ items: _().exists(true) })
        .unwind('$items')
        .lookup({ from: skus, localField: 'items.sku', foreignField: '_id', as: 'sku' })
        .project({ _id: 0, id: '$_id', qty: '$items.qty', name: { $arrayElemAt: ['$sku.name', 0] } })
        .sort({ qty: 1 })
        .end()
      expect(res.data).toEqual([
        { id: 'a', qty: 2, name: '毛巾' },
        { id: 'b', qty: 9, name: '水杯' },
      ])
      expect(
        (
          await col()
            .aggregate()
            .match({ n: _().gte(2) })
            .count('total')
            .end()
        ).data,
      ).toEqual([{ total: 2 }])
    })
  })
})
