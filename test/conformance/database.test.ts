import { forEachTarget, rejection } from './targets'

/** The same document-database behaviour, checked on the emulator and (when configured) on CloudBase. */
forEachTarget('database', (target) => {
  let coll: string
  beforeAll(async () => {
    coll = await target().collection('docs')
  })
  const c = () => target().db.collection(coll)
  const _ = () => target().db.command

  test('add returns the id; doc().get() returns the document, a missing id returns none', async () => {
    const added = await c().add({ _id: 'add-1', name: '张三', n: 1 })
    expect(added.id).toBe('add-1')
    const generated = await c().add({ name: '李四' })
    expect(typeof generated.id).toBe('string')
    expect(
      (
        await c()
          .doc(generated.id as string)
          .get()
      ).data,
    ).toEqual([{ _id: generated.id, name: '李四' }])
    expect((await c().doc('add-1').get()).data).toEqual([{ _id: 'add-1', name: '张三', n: 1 }])
    expect((await c().doc('add-missing').get()).data).toEqual([])
  })

  test('adding several documents at once returns all their ids', async () => {
    const res = await c().add([
      { _id: 'multi-1', batch: 'm' },
      { _id: 'multi-2', batch: 'm' },
    ])
    expect(res.ids).toEqual(['multi-1', 'multi-2'])
    expect((await c().where({ batch: 'm' }).count()).total).toBe(2)
  })

  test('a second insert with the same _id fails with DATABASE_DUPLICATE_WRITE and changes nothing', async () => {
    await c().add({ _id: 'dup-1', v: 1 })
    const err = await rejection(c().add({ _id: 'dup-1', v: 2 }))
    expect(err.code).toBe('DATABASE_DUPLICATE_WRITE')
    expect((await c().doc('dup-1').get()).data[0].v).toBe(1)
  })

  describe('queries', () => {
    let q: string
    beforeAll(async () => {
      q = await target().collection('query')
      const docs = [1, 2, 3, 4, 5].map((n) => ({
        _id: `q${n}`,
        n,
        tag: n % 2 ? 'odd' : 'even',
        name: n === 2 ? 'Abc' : `x${n}`,
        extra: 'e',
      }))
      await target().db.collection(q).add(docs)
    })
    const ids = (res: { data: { _id: string }[] }) => res.data.map((d) => d._id).sort()

    test('comparison, $in, $or and regular expressions select the right documents', async () => {
      const col = target().db.collection(q)
      expect(ids(await col.where({ n: _().gt(3) }).get())).toEqual(['q4', 'q5'])
      expect(ids(await col.where({ n: _().in([1, 5]) }).get())).toEqual(['q1', 'q5'])
      expect(ids(await col.where(_().or([{ n: 1 }, { tag: 'even', n: _().lt(3) }])).get())).toEqual(['q1', 'q2'])
      expect(ids(await col.where({ name: target().db.RegExp({ regexp: '^ab', options: 'i' }) }).get())).toEqual(['q2'])
    })

    test('orderBy, skip, limit and field shape the result', async () => {
      const res = await target().db.collection(q).where({}).orderBy('n', 'desc').skip(1).limit(2).field({ n: true }).get()
      expect(res.data).toEqual([
        { _id: 'q4', n: 4 },
        { _id: 'q3', n: 3 },
      ])
    })

    test('count counts what where() selects', async () => {
      expect((await target().db.collection(q).where({ tag: 'odd' }).count()).total).toBe(3)
    })
  })

  test('get() returns 100 documents unless a limit is given', async () => {
    const many = await target().collection('many')
    await target()
      .db.collection(many)
      .add(Array.from({ length: 105 }, (_x, i) => ({ i })))
    expect((await target().db.collection(many).get()).data).toHaveLength(100)
    expect((await target().db.collection(many).limit(1000).get()).data).toHaveLength(105)
    expect((await target().db.collection(many).skip(100).get()).data).toHaveLength(5)
  })

  test('update with inc, set, push and remove changes only the named fields', async () => {
    await c().add({ _id: 'upd-1', n: 1, tags: ['a'], gone: true, o: { a: 1, b: 2 } })
    const res = await c()
      .doc('upd-1')
      .update({ n: _().inc(2), tags: _().push(['b']), gone: _().remove(), o: { a: 9 }, s: _().set({ z: 1 }) })
    expect(res.updated).toBe(1)
    expect((await c().doc('upd-1').get()).data[0]).toEqual({ _id: 'upd-1', n: 3, tags: ['a', 'b'], o: { a: 9, b: 2 }, s: { z: 1 } })
  })

  test('updating a document that does not exist updates nothing', async () => {
    expect((await c().doc('upd-missing').update({ n: 1 })).updated).toBe(0)
  })

  test('a conditional update takes effect only while its condition holds', async () => {
    await c().add({ _id: 'stock-1', left: 1 })
    const take = () =>
      c()
        .where({ _id: 'stock-1', left: _().gt(0) })
        .update({ left: _().inc(-1) })
    expect((await take()).updated).toBe(1)
    expect((await take()).updated).toBe(0)
    expect((await c().doc('stock-1').get()).data[0].left).toBe(0)
  })

  test('set replaces a whole document, and creates it when missing', async () => {
    await c().add({ _id: 'set-1', a: 1, b: 2 })
    await c().doc('set-1').set({ c: 3 })
    expect((await c().doc('set-1').get()).data).toEqual([{ _id: 'set-1', c: 3 }])
    const created = await c().doc('set-2').set({ d: 4 })
    expect(created.upsertedId).toBe('set-2')
    expect((await c().doc('set-2').get()).data).toEqual([{ _id: 'set-2', d: 4 }])
  })

  test('remove deletes one document by id, or all that where() selects', async () => {
    await c().add([
      { _id: 'rm-1', grp: 'rm' },
      { _id: 'rm-2', grp: 'rm' },
      { _id: 'rm-3', grp: 'rm' },
    ])
    expect((await c().doc('rm-1').remove()).deleted).toBe(1)
    expect((await c().where({ grp: 'rm' }).remove()).deleted).toBe(2)
    expect((await c().where({ grp: 'rm' }).count()).total).toBe(0)
  })

  test('updateAndReturn returns the document after the update', async () => {
    await c().add({ _id: 'uar-1', n: 1 })
    const res = await c()
      .where({ _id: 'uar-1' })
      .updateAndReturn({ n: _().inc(1) })
    expect(res.updated).toBe(1)
    expect(res.doc).toEqual({ _id: 'uar-1', n: 2 })
    expect((await c().where({ _id: 'uar-none' }).updateAndReturn({ n: 1 })).updated).toBe(0)
  })

  test('aggregate runs match, group and sort', async () => {
    const sales = await target().collection('sales')
    await target()
      .db.collection(sales)
      .add([
        { shop: 'a', fen: 100 },
        { shop: 'b', fen: 300 },
        { shop: 'a', fen: 150 },
        { shop: 'c', fen: 5 },
      ])
    const res = await target()
      .db.collection(sales)
      .aggregate()
      .match({ fen: _().gt(10) })
      .group({ _id: '$shop', total: { $sum: '$fen' }, count: { $sum: 1 } })
      .sort({ total: -1 })
      .end()
    expect(res.data).toEqual([
      { _id: 'b', total: 300, count: 1 },
      { _id: 'a', total: 250, count: 2 },
    ])
  })

  test('serverDate() is stored as the server clock (plus offset) and comes back as a Date', async () => {
    const before = Date.now()
    await c().add({ _id: 'time-1', at: target().db.serverDate() })
    await c()
      .doc('time-1')
      .update({ later: target().db.serverDate({ offset: 60_000 }) })
    const doc = (await c().doc('time-1').get()).data[0]
    const skew = target().clockSkewMs
    expect(doc.at).toBeInstanceOf(Date)
    expect(doc.at.getTime()).toBeGreaterThanOrEqual(before - skew)
    expect(doc.at.getTime()).toBeLessThanOrEqual(Date.now() + skew)
    expect(doc.later.getTime() - doc.at.getTime()).toBeGreaterThanOrEqual(60_000 - skew)
    expect(
      (
        await c()
          .where({ at: _().lte(target().db.serverDate()) })
          .count()
      ).total,
    ).toBeGreaterThanOrEqual(1)
  })

  test('a collection that was never created answers DATABASE_COLLECTION_NOT_EXIST', async () => {
    const err = await rejection(target().db.collection(`${coll}_never_created`).where({ a: 1 }).get())
    expect(err.code).toBe('DATABASE_COLLECTION_NOT_EXIST')
  })
})
