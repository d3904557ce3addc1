import { EJSON } from 'bson'
import { startTestEmulator, type TestEmulator } from '../support/emulator'

/** The wire protocol itself, below the SDK: limits, reply shapes and refusals the SDK never exercises. */
let emu: TestEmulator
beforeAll(async () => {
  emu = await startTestEmulator()
  await emu.db.collection('p').add(Array.from({ length: 1100 }, (_x, i) => ({ _id: `p${String(i).padStart(4, '0')}`, i })))
})
afterAll(() => emu.stop())

async function post(body: unknown, method = 'POST'): Promise<{ status: number; json: Record<string, any> }> {
  const res = await fetch(`${emu.url}?env=local`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: method === 'POST' ? JSON.stringify(body) : undefined,
  })
  const text = await res.text()
  return { status: res.status, json: text ? JSON.parse(text) : {} }
}

test('getDocument answers {requestId, data: {list: [EJSON strings], limit, offset}}; 100 by default, 1000 at most', async () => {
  const plain = await post({ action: 'database.getDocument', collectionName: 'p', queryType: 'WHERE' })
  expect(plain.json).toMatchObject({ requestId: expect.any(String), data: { limit: 100, offset: 0 } })
  expect(plain.json.data.list).toHaveLength(100)
  expect(EJSON.parse(plain.json.data.list[0])).toEqual({ _id: 'p0000', i: 0 })
  const big = await post({ action: 'database.getDocument', collectionName: 'p', queryType: 'WHERE', limit: 5000 })
  expect(big.json.data.list).toHaveLength(1000)
  const tail = await post({ action: 'database.getDocument', collectionName: 'p', queryType: 'WHERE', limit: 1000, offset: 1000 })
  expect(tail.json.data.list).toHaveLength(100)
})

test('errors answer {requestId, code, message} with HTTP 200, as the service does', async () => {
  const dup = await post({ action: 'database.insertDocument', collectionName: 'p', data: ['{"_id":"p0001"}'] })
  expect(dup).toEqual({
    status: 200,
    json: { requestId: expect.any(String), code: 'DATABASE_DUPLICATE_WRITE', message: expect.stringContaining('duplicate key') },
  })
  const badQuery = await post({ action: 'database.getDocument', collectionName: 'p', query: '{"i":{"$nope":1}}' })
  expect(badQuery.json.code).toBe('DATABASE_REQUEST_FAILED')
  const badEjson = await post({ action: 'database.getDocument', collectionName: 'p', query: '{not json' })
  expect(badEjson.json.code).toBe('DATABASE_REQUEST_FAILED')
  const noColl = await post({ action: 'database.getDocument', query: '{}' })
  expect(noColl.json.code).toBe('INVALID_PARAM')
  const badLimit = await post({ action: 'database.getDocument', collectionName: 'p', limit: -1 })
  expect(badLimit.json.code).toBe('INVALID_PARAM')
  const idChange = await post({
    action: 'database.modifyDocument',
    collectionName: 'p',
    query: '{"_id":"p0002"}',
    data: '{"$set":{"_id":"other"}}',
    merge: true,
  })
  expect(idChange.json.code).toBe('DATABASE_REQUEST_FAILED')
  expect((await emu.db.collection('p').doc('p0002').get()).data).toHaveLength(1)
})

test('the transaction actions of the SDK’s unused legacy API are refused by name, not half-done', async () => {
  for (const action of ['database.getInTransaction', 'database.updateDocInTransaction', 'database.deleteDocInTransaction']) {
    const r = await post({ action, collectionName: 'p', _id: 'p0001', transactionId: 'x' })
    expect(r.json).toMatchObject({ code: 'INVALID_PARAM', message: expect.stringContaining(action) })
  }
})

test('non-JSON bodies and non-POST methods are refused', async () => {
  const res = await fetch(emu.url, { method: 'POST', body: 'nope' })
  expect(await res.json()).toMatchObject({ code: 'INVALID_PARAM' })
  expect((await post(undefined, 'GET')).status).toBe(405)
})

test('a second in-process emulator on the same data directory is refused', async () => {
  await expect(startTestEmulator({ dataDir: emu.dataDir })).rejects.toThrow(/already open in this process/)
})

test('aggregation never changes stored documents; writing stages and server-side scripts are refused', async () => {
  const db = emu.db
  await db.collection('agg').add({ _id: 'g1', a: { b: 1 }, n: 1 })
  const res = await db.collection('agg').aggregate().match({ n: 1 }).addFields({ 'a.c': 2, x: 1 }).end()
  expect(res.data).toEqual([{ _id: 'g1', a: { b: 1, c: 2 }, n: 1, x: 1 }])
  await db
    .collection('agg')
    .aggregate()
    .lookup({ from: 'agg', localField: '_id', foreignField: '_id', as: 'self' })
    .addFields({ 'self.z': 1 })
    .end()
  expect((await db.collection('agg').doc('g1').get()).data).toEqual([{ _id: 'g1', a: { b: 1 }, n: 1 }])
  const out = await post({
    action: 'database.aggregateDocuments',
    collectionName: 'agg',
    stages: [{ stageKey: '$out', stageValue: '"agg2"' }],
  })
  expect(out.json).toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringContaining('$out') })
  const where = await post({ action: 'database.getDocument', collectionName: 'agg', query: '{"$where":"this.n == 1"}' })
  expect(where.json.code).toBe('DATABASE_REQUEST_FAILED')
})
