import { forEachTarget, rejection } from './targets'

/** Aggregation operators whose answers Tencent's tests assert of CloudBase (issue 11). */
forEachTarget('CloudBase parity: aggregation', (target) => {
  let coll: string
  beforeAll(async () => {
    coll = await target().collection('parity_agg')
    await target()
      .db.collection(coll)
      .add([
        { _id: 'a', n: 1, at: new Date('2019-05-14T08:00:00Z'), birthday: '1999/12/12', name: '张三丰abc' },
        { _id: 'b', n: 2, at: new Date('2021-01-03T08:00:00Z'), birthday: '1998/11/11', name: 'banana' },
        { _id: 'c', n: 3, at: new Date('2024-12-31T08:00:00Z'), birthday: '1997/10/10', name: 'xyz' },
        { _id: 'd', n: 4, at: new Date('2019-01-01T08:00:00Z'), birthday: '1996/09/09', name: '' },
      ])
  })
  const $ = () => target().db.command.aggregate
  const project = async (spec: Record<string, unknown>) =>
    (
      await target()
        .db.collection(coll)
        .aggregate()
        .sort({ n: 1 })
        .project({ _id: 0, ...spec })
        .end()
    ).data

  test('$week counts Sunday-started weeks from 0 to 53', async () => {
    expect(await project({ week: $().week('$at') })).toEqual([{ week: 19 }, { week: 1 }, { week: 52 }, { week: 0 }])
  })

  test('$substr and $substrBytes with a negative length return the rest of the string', async () => {
    const rows = await project({
      day: $().substrBytes(['$birthday', 8, -1]),
      month: $().substr(['$birthday', 5, 2]),
      rest: $().substr(['$birthday', 5, -1]),
    })
    expect(rows[0]).toEqual({ day: '12', month: '12', rest: '12/12' })
    expect(rows[3]).toEqual({ day: '09', month: '09', rest: '09/09' })
  })

  test('$indexOfCP counts code points, not bytes', async () => {
    const rows = await project({
      i: $().indexOfCP(['$name', 'a']),
      b: $().indexOfBytes(['$name', 'a']),
      from: $().indexOfCP(['$name', 'a', 2]),
    })
    expect(rows).toEqual([
      { i: 3, b: 9, from: 3 },
      { i: 1, b: 1, from: 3 },
      { i: -1, b: -1, from: -1 },
      { i: -1, b: -1, from: -1 },
    ])
  })

  test('$jsonSchema selects by required fields, BSON types and bounds; an unknown keyword is refused', async () => {
    const _ = target().db.command
    const c = target().db.collection(coll)
    const ids = async (schema: Record<string, unknown>) => (await c.where(_.jsonSchema(schema)).get()).data.map((d) => d._id).sort()
    expect(await ids({ required: ['birthday'] })).toEqual(['a', 'b', 'c', 'd'])
    expect((await c.where(_.nor([_.jsonSchema({ required: ['birthday'] })])).get()).data).toEqual([])
    expect(
      await ids({
        required: ['n', 'at'],
        properties: { n: { bsonType: 'int', minimum: 2, maximum: 4, exclusiveMaximum: true }, at: { bsonType: 'date' } },
      }),
    ).toEqual(['b', 'c'])
    expect(await ids({ properties: { name: { bsonType: 'string', minLength: 4 } } })).toEqual(['a', 'b'])
    expect(await ids({ properties: { name: { enum: ['xyz', ''] } } })).toEqual(['c', 'd'])
    expect(await ids({ properties: { n: { bsonType: 'string' } } })).toEqual([])
    const err = await rejection(c.where(_.jsonSchema({ nonsense: 1 })).get())
    expect(err.code).toBe('DATABASE_REQUEST_FAILED')
  })
})
