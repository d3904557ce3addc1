import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import tcb from '@cloudbase/node-sdk'
import { skipMetadataProbe } from '../support/emulator'

/**
 * Pins the HTTP requests @cloudbase/node-sdk sends, which the emulator is
 * built to understand. An SDK upgrade that changes the protocol must fail
 * here first; then re-read the SDK source, update the emulator and these pins.
 */
interface Recorded {
  url: string
  body: Record<string, unknown>
}

const STABLE_NOISE = {
  envName: 'local',
  wxCloudApiToken: '',
  wxCloudbaseAccesstoken: '',
  tcb_sessionToken: '',
  crossAuthorizationToken: '',
}

let server: Server
let recorded: Recorded[] = []
let db: ReturnType<ReturnType<typeof tcb.init>['database']>

/** Answers like the service would, enough for the SDK to resolve each call. */
function reply(action: unknown): Record<string, unknown> {
  if (action === 'database.startTransaction') return { requestId: 'r', transactionId: 'tx-1' }
  if (action === 'database.commitTransaction' || action === 'database.abortTransaction') return { requestId: 'r' }
  return { requestId: 'r', data: { list: [], insertedIds: ['id-1'], updated: 1, deleted: 1, total: 0, doc: null } }
}

beforeAll(async () => {
  skipMetadataProbe()
  server = createServer((req, res) => {
    let text = ''
    req.on('data', (c) => (text += c))
    req.on('end', () => {
      const body = JSON.parse(text)
      recorded.push({ url: req.url ?? '', body })
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(reply(body.action)))
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  db = tcb.init({ env: 'local', serviceUrl: `http://127.0.0.1:${port}/admin`, secretId: 'local', secretKey: 'local' }).database()
})

afterAll(() => new Promise<void>((r) => server.close(() => r())))

beforeEach(() => {
  recorded = []
})

/** The one request a call sent, without the fields every request carries. */
async function sent(call: () => Promise<unknown>): Promise<Record<string, unknown>> {
  recorded = []
  await call()
  expect(recorded).toHaveLength(1)
  const [{ url, body }] = recorded
  expect(url).toMatch(/^\/admin\?env=local&seqId=[^&]+$/)
  expect(body).toMatchObject(STABLE_NOISE)
  const rest = { ...body }
  for (const k of Object.keys(STABLE_NOISE)) delete rest[k]
  return rest
}

test('the pinned SDK version is installed', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const version = require('@cloudbase/node-sdk/package.json').version
  expect({ version, hint: 'the emulator speaks the protocol of @cloudbase/node-sdk 3.18.3: re-check before upgrading' }).toEqual({
    version: '3.18.3',
    hint: expect.any(String),
  })
})

test('doc().get()', async () => {
  expect(await sent(() => db.collection('c').doc('a').get())).toEqual({
    action: 'database.getDocument',
    collectionName: 'c',
    query: '{"_id":"a"}',
    queryType: 'DOC',
    multi: false,
  })
})

test('where().orderBy().skip().limit().field().get() with operators and a RegExp', async () => {
  const _ = db.command
  const call = () =>
    db
      .collection('c')
      .where({ a: _.gt(1), b: _.in([1, 2]), d: db.RegExp({ regexp: '^x', options: 'i' }), e: { f: 1 } })
      .orderBy('a', 'desc')
      .skip(2)
      .limit(5)
      .field({ a: true })
      .get()
  expect(await sent(call)).toEqual({
    action: 'database.getDocument',
    collectionName: 'c',
    queryType: 'WHERE',
    query:
      '{"a":{"$gt":{"$numberInt":"1"}},"b":{"$in":[{"$numberInt":"1"},{"$numberInt":"2"}]},"d":{"$regularExpression":{"pattern":"^x","options":"i"}},"e.f":{"$numberInt":"1"}}',
    order: '{"a":{"$numberInt":"-1"}}',
    offset: 2,
    limit: 5,
    projection: '{"a":{"$numberInt":"1"}}',
  })
})

test('get() without a limit asks for 100; a limit above 1000 is capped', async () => {
  expect(await sent(() => db.collection('c').get())).toEqual({
    action: 'database.getDocument',
    collectionName: 'c',
    queryType: 'WHERE',
    limit: 100,
  })
  expect((await sent(() => db.collection('c').limit(5000).get())).limit).toBe(1000)
})

test('count() with $or', async () => {
  const _ = db.command
  expect(
    await sent(() =>
      db
        .collection('c')
        .where(_.or([{ a: 1 }, { b: _.lt(2) }]))
        .count(),
    ),
  ).toEqual({
    action: 'database.calculateDocument',
    collectionName: 'c',
    queryType: 'WHERE',
    query: '{"$or":[{"a":{"$numberInt":"1"}},{"b":{"$lt":{"$numberInt":"2"}}}]}',
  })
})

test('add() of one and of several documents, with serverDate and a Date', async () => {
  expect(await sent(() => db.collection('c').add({ a: 1, t: db.serverDate(), d: new Date(5), n: null }))).toEqual({
    action: 'database.insertDocument',
    collectionName: 'c',
    data: ['{"a":{"$numberInt":"1"},"t":{"$tcb_server_date":{"offset":{"$numberInt":"0"}}},"d":{"$date":{"$numberLong":"5"}},"n":null}'],
  })
  expect(await sent(() => db.collection('c').add([{ a: 1 }, { a: 2 }]))).toEqual({
    action: 'database.insertDocument',
    collectionName: 'c',
    data: ['{"a":{"$numberInt":"1"}}', '{"a":{"$numberInt":"2"}}'],
  })
})

test('doc().update() turns fields into $set on dotted paths and commands into operators', async () => {
  const _ = db.command
  const call = () =>
    db
      .collection('c')
      .doc('a')
      .update({ a: _.inc(1), b: _.push([1]), c: _.remove(), d: { e: 1 }, t: db.serverDate({ offset: 1000 }) })
  expect(await sent(call)).toEqual({
    action: 'database.modifyDocument',
    collectionName: 'c',
    query: '{"_id":"a"}',
    queryType: 'DOC',
    multi: false,
    merge: true,
    upsert: false,
    data: '{"$inc":{"a":{"$numberInt":"1"}},"$push":{"b":{"$each":[{"$numberInt":"1"}]}},"$unset":{"c":""},"$set":{"t":{"$tcb_server_date":{"offset":{"$numberInt":"1000"}}},"d.e":{"$numberInt":"1"}}}',
  })
})

test('array and number commands: push options, unshift, pop, shift, addToSet, pull, rename, min', async () => {
  const _ = db.command
  const call = () =>
    db
      .collection('c')
      .doc('a')
      .update({
        a: _.push({ each: [1], position: 0, sort: 1, slice: 3 }),
        b: _.unshift([2]),
        c: _.pop(),
        d: _.shift(),
        e: _.addToSet({ $each: [3] }),
        f: _.pull(_.gt(4)),
        g: _.rename('h'),
        i: _.min(5),
      })
  expect(JSON.parse((await sent(call)).data as string)).toEqual({
    $push: {
      a: { $each: [{ $numberInt: '1' }], $position: { $numberInt: '0' }, $sort: { $numberInt: '1' }, $slice: { $numberInt: '3' } },
      b: { $each: [{ $numberInt: '2' }], $position: { $numberInt: '0' } },
    },
    $pop: { c: { $numberInt: '1' }, d: { $numberInt: '-1' } },
    $addToSet: { e: { $each: [{ $numberInt: '3' }] } },
    $pull: { f: { $gt: { $numberInt: '4' } } },
    $rename: { g: 'h' },
    $min: { i: { $numberInt: '5' } },
  })
})

test('doc().set() is an upserting replacement', async () => {
  expect(
    await sent(() =>
      db
        .collection('c')
        .doc('a')
        .set({ a: 1, d: { e: 1 } }),
    ),
  ).toEqual({
    action: 'database.modifyDocument',
    collectionName: 'c',
    query: '{"_id":"a"}',
    queryType: 'DOC',
    multi: false,
    merge: false,
    upsert: true,
    data: '{"a":{"$numberInt":"1"},"d":{"e":{"$numberInt":"1"}}}',
  })
})

test('where().update() and where().remove() are multi by default', async () => {
  const _ = db.command
  expect(
    await sent(() =>
      db
        .collection('c')
        .where({ a: 1 })
        .update({ a: _.set({ x: 1 }) }),
    ),
  ).toEqual({
    action: 'database.modifyDocument',
    collectionName: 'c',
    query: '{"a":{"$numberInt":"1"}}',
    queryType: 'WHERE',
    multi: true,
    merge: true,
    upsert: false,
    data: '{"$set":{"a":{"x":{"$numberInt":"1"}}}}',
  })
  expect(await sent(() => db.collection('c').where({ a: 1 }).remove())).toEqual({
    action: 'database.removeDocument',
    collectionName: 'c',
    query: '{"a":{"$numberInt":"1"}}',
    queryType: 'WHERE',
    multi: true,
  })
})

test('doc().remove() and updateAndReturn()', async () => {
  const _ = db.command
  expect(await sent(() => db.collection('c').doc('a').remove())).toEqual({
    action: 'database.removeDocument',
    collectionName: 'c',
    query: '{"_id":"a"}',
    queryType: 'DOC',
    multi: false,
  })
  expect(
    await sent(() =>
      db
        .collection('c')
        .where({ a: 1 })
        .updateAndReturn({ a: _.inc(1) }),
    ),
  ).toEqual({
    action: 'database.modifyAndReturnDoc',
    collectionName: 'c',
    query: '{"a":{"$numberInt":"1"}}',
    queryType: 'WHERE',
    data: '{"$inc":{"a":{"$numberInt":"1"}}}',
  })
})

test('aggregate() sends stages as {stageKey, stageValue} with EJSON values', async () => {
  const _ = db.command
  const call = () =>
    db
      .collection('c')
      .aggregate()
      .match({ a: _.gt(1) })
      .group({ _id: '$a', n: { $sum: 1 } })
      .sort({ n: -1 })
      .end()
  expect(await sent(call)).toEqual({
    action: 'database.aggregateDocuments',
    collectionName: 'c',
    stages: [
      { stageKey: '$match', stageValue: '{"a":{"$gt":{"$numberInt":"1"}}}' },
      { stageKey: '$group', stageValue: '{"_id":"$a","n":{"$sum":{"$numberInt":"1"}}}' },
      { stageKey: '$sort', stageValue: '{"n":{"$numberInt":"-1"}}' },
    ],
  })
})

test('createCollection()', async () => {
  expect(await sent(() => db.createCollection('zz'))).toEqual({ action: 'database.addCollection', collectionName: 'zz' })
})

test('a transaction: which calls carry its id and which do not', async () => {
  const _ = db.command
  const tx = await db.startTransaction()
  const col = tx.collection('c')
  const actions: Record<string, unknown>[] = []
  const keep = async (call: () => Promise<unknown>) => {
    recorded = []
    await call()
    const { action, transactionId } = recorded[0].body
    actions.push({ action, transactionId })
  }
  await keep(() => col.doc('a').get())
  await keep(() => col.doc('a').update({ a: 1 }))
  await keep(() => col.doc('a').set({ a: 1 }))
  await keep(() => col.doc('a').remove())
  await keep(() => col.add({ a: 1 }))
  await keep(() => col.where({ a: 1 }).get())
  await keep(() => col.where({ a: 1 }).updateAndReturn({ a: _.inc(1) }))
  await keep(() => col.where({ a: 1 }).update({ a: 2 }))
  await keep(() => col.where({ a: 1 }).remove())
  await keep(() => col.where({ a: 1 }).count())
  await keep(() => tx.commit())
  expect(actions).toEqual([
    { action: 'database.getDocument', transactionId: 'tx-1' },
    { action: 'database.modifyDocument', transactionId: 'tx-1' },
    { action: 'database.modifyDocument', transactionId: 'tx-1' },
    { action: 'database.removeDocument', transactionId: 'tx-1' },
    { action: 'database.insertDocument', transactionId: 'tx-1' },
    { action: 'database.getDocument', transactionId: 'tx-1' },
    { action: 'database.modifyAndReturnDoc', transactionId: 'tx-1' },
    // Sent WITHOUT the transaction: they commit at once and are never rolled back.
    { action: 'database.modifyDocument', transactionId: undefined },
    { action: 'database.removeDocument', transactionId: undefined },
    { action: 'database.calculateDocument', transactionId: undefined },
    { action: 'database.commitTransaction', transactionId: 'tx-1' },
  ])
})

test('startTransaction and abort', async () => {
  recorded = []
  const tx = await db.startTransaction()
  await tx.rollback()
  expect(recorded.map((r) => r.body.action)).toEqual(['database.startTransaction', 'database.abortTransaction'])
  expect(recorded[1].body.transactionId).toBe('tx-1')
})
