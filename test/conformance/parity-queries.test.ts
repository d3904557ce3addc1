import { forEachTarget } from './targets'

/**
 * Behaviours Tencent's own database tests assert of CloudBase (issue 11),
 * written here from the behaviour: queries and array writes.
 */
forEachTarget('CloudBase parity: queries', (target) => {
  let coll: string
  beforeAll(async () => {
    coll = await target().collection('parity_q')
  })
  const c = () => target().db.collection(coll)
  const _ = () => target().db.command
  const ids = (res: { data: { _id: string }[] }) => res.data.map((d) => d._id).sort()

  test('elemMatch with a field condition never matches plain values in the array', async () => {
    await c().add([
      { _id: 'plain', k: 'em', tags: [1, 2, 3] },
      { _id: 'docs', k: 'em', tags: [{ value: 1 }] },
      { _id: 'mixed', k: 'em', tags: ['value', { other: 1 }] },
    ])
    expect(
      ids(
        await c()
          .where({ k: 'em', tags: _().elemMatch({ value: 1 }) })
          .get(),
      ),
    ).toEqual(['docs'])
    expect(
      ids(
        await c()
          .where({ k: 'em', tags: _().elemMatch({ value: _().exists(true) }) })
          .get(),
      ),
    ).toEqual(['docs'])
    // The operator form still applies to the elements themselves.
    expect(
      ids(
        await c()
          .where({ k: 'em', tags: _().elemMatch(_().gt(2)) })
          .get(),
      ),
    ).toEqual(['plain'])
  })

  test('pull with a field condition removes only the documents it matches', async () => {
    await c().add({ _id: 'pull-1', arr: [1, 2, { value: 1, x: 1 }, 'value', { value: 2 }] })
    await c()
      .doc('pull-1')
      .update({ arr: _().pull({ value: 1 }) })
    expect((await c().doc('pull-1').get()).data[0].arr).toEqual([1, 2, 'value', { value: 2 }])
  })
})
