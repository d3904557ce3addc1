import type { IndexDeclarations } from '../../cloudfunctions/common/indexes'
import { startTestEmulator, type TestEmulator } from '../support/emulator'

/**
 * Declared indexes change what the emulator reads, never what it answers:
 * the same queries on an indexed and an unindexed emulator give the same
 * documents in the same order. notablescan refuses what no index serves.
 */
const DECLS = {
  roster: [
    { name: 'branch_tags', fields: [{ field: 'branch' }, { field: 'tags' }] },
    { name: 'o.k', fields: [{ field: 'o.k' }] },
    { name: 'items.sku', fields: [{ field: 'items.sku' }] },
    { name: 'n', fields: [{ field: 'n' }] },
  ],
} as unknown as IndexDeclarations

const docs = Array.from({ length: 60 }, (_x, i) => ({
  _id: `d${String(i).padStart(2, '0')}`,
  ...(i % 7 === 0 ? {} : { branch: ['快递', '家政', null][i % 3] }),
  tags: i % 4 === 0 ? [] : i % 4 === 1 ? ['a'] : i % 4 === 2 ? ['a', 'b'] : 'b',
  o: i % 5 === 0 ? [{ k: 1 }, { k: 2 }] : { k: i % 3 },
  items: i % 2 ? [{ sku: `s${i % 4}` }, { sku: 'x' }] : [],
  n: i % 6,
  at: new Date(Date.UTC(2026, 0, 1 + (i % 3))),
}))

describe('declared indexes', () => {
  let indexed: TestEmulator
  let plain: TestEmulator
  beforeAll(async () => {
    plain = await startTestEmulator({ indexes: {}, notablescanOver: null })
    indexed = await startTestEmulator({ indexes: DECLS, notablescanOver: null })
    for (const emu of [plain, indexed]) await emu.db.collection('roster').add(docs)
    // updates and removals move entries between keys
    for (const emu of [plain, indexed]) {
      await emu.db
        .collection('roster')
        .doc('d10')
        .update({ branch: '快递', tags: ['c'] })
      await emu.db.collection('roster').doc('d11').remove()
      await emu.db.collection('roster').add({ _id: 'd11', branch: '家政', tags: ['a'], n: 1 })
    }
  })
  afterAll(async () => {
    await indexed?.stop()
    await plain?.stop()
  })

  const queries = (emu: TestEmulator): Record<string, unknown>[] => {
    const _ = emu.db.command
    return [
      { branch: '快递' },
      { branch: null },
      { branch: '快递', tags: 'a' },
      { branch: '家政', tags: ['a', 'b'] },
      { branch: _.in(['快递', null]), tags: 'b' },
      { branch: _.eq('家政') },
      { 'o.k': 1 },
      { 'o.k': 2 },
      { 'items.sku': 'x' },
      { 'items.sku': 's1', n: _.gt(2) },
      { n: 3, branch: _.neq('快递') },
      { n: _.in([0, 5]) },
      { tags: 'c' },
      { branch: 'nobody' },
    ]
  }

  test('every query answers the same documents, in the same order, with and without indexes', async () => {
    const qa = queries(plain)
    const qb = queries(indexed)
    for (let i = 0; i < qa.length; i++) {
      const a = (await plain.db.collection('roster').where(qa[i]).limit(1000).get()).data
      const b = (await indexed.db.collection('roster').where(qb[i]).limit(1000).get()).data
      expect({ q: i, ids: b.map((d) => d._id) }).toEqual({ q: i, ids: a.map((d) => d._id) })
      const ca = (await plain.db.collection('roster').where(qa[i]).count()).total
      expect((await indexed.db.collection('roster').where(qb[i]).count()).total).toBe(ca)
    }
  })

  test('conditional updates and removes through an index hit the same documents', async () => {
    for (const emu of [plain, indexed]) {
      await emu.db.collection('roster').where({ branch: '家政', n: 1 }).update({ flagged: true })
      await emu.db.collection('roster').where({ 'o.k': 2 }).remove()
    }
    const a = (await plain.db.collection('roster').limit(1000).get()).data
    const b = (await indexed.db.collection('roster').limit(1000).get()).data
    expect(b).toEqual(a)
  })
})

describe('notablescan mode', () => {
  let emu: TestEmulator
  beforeAll(async () => {
    emu = await startTestEmulator({ indexes: DECLS, notablescanOver: 10 })
    await emu.db.collection('roster').add(docs.slice(0, 20))
    await emu.db.collection('small').add(docs.slice(0, 5))
  })
  afterAll(async () => {
    await emu?.stop()
  })

  test('a query no declared index serves is refused on a collection over the threshold, naming what to declare', async () => {
    const err = await emu.db
      .collection('roster')
      .where({ tags: 'a' })
      .get()
      .then(
        () => null,
        (e: { code?: string; message?: string }) => e,
      )
    expect(err?.code).toBe('DATABASE_REQUEST_FAILED')
    expect(err?.message).toMatch(/NoQueryExecutionPlans.*roster \(20 documents, notablescan mode\).*cloudfunctions\/common\/indexes\.ts/)
    await expect(emu.db.collection('roster').where({ tags: 'a' }).count()).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
    await expect(emu.db.collection('roster').where({ tags: 'a' }).update({ x: 1 })).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
    })
  })

  test('served: _id, a first indexed field by equality, $in or range, an $or of served branches, a sort on an index, no filter at all; small collections scan', async () => {
    const _ = emu.db.command
    const c = emu.db.collection('roster')
    await expect(c.doc('d01').get()).resolves.toBeTruthy()
    await expect(c.where({ _id: _.in(['d01', 'd02']), tags: 'a' }).get()).resolves.toBeTruthy()
    await expect(c.where({ branch: '快递', tags: 'a' }).get()).resolves.toBeTruthy()
    await expect(c.where({ n: _.gte(3) }).get()).resolves.toBeTruthy()
    await expect(c.where(_.or([{ n: 1 }, { 'o.k': 2 }])).get()).resolves.toBeTruthy()
    await expect(c.where({}).orderBy('n', 'asc').get()).resolves.toBeTruthy()
    await expect(
      c
        .where({ tags: _.exists(true) })
        .orderBy('n', 'asc')
        .get(),
    ).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
    // a read with no filter is a deliberate full read (count, export): let through
    await expect(c.get()).resolves.toBeTruthy()
    await expect(c.count()).resolves.toMatchObject({ total: 20 })
    await expect(emu.db.collection('small').where({ tags: 'a' }).get()).resolves.toBeTruthy()
    await expect(c.where(_.or([{ n: 1 }, { tags: 'a' }])).get()).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
  })
})
