import { startTestEmulator, type TestEmulator } from '../support/emulator'

/** Emulator-only transaction limits (the real service's 30 s is too slow to test here; the limit is shortened). */
let emu: TestEmulator
beforeAll(async () => {
  emu = await startTestEmulator({ transactionLimitMs: 300 })
})
afterAll(() => emu.stop())

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: { code?: string }) => e.code,
  )

test('a transaction past its time limit is aborted: its writes are gone and every further call fails', async () => {
  const db = emu.db
  await db.collection('t').add({ _id: 'x', n: 1 })
  const tx = await db.startTransaction()
  await tx.collection('t').doc('x').update({ n: 2 })
  await new Promise((r) => setTimeout(r, 400))
  expect(await codeOf(tx.collection('t').doc('x').get())).toBe('DATABASE_TRANSACTION_FAIL')
  expect(await codeOf(tx.commit())).toBe('DATABASE_TRANSACTION_FAIL')
  expect((await db.collection('t').doc('x').get()).data[0].n).toBe(1)
  // its claim on the document is released: a new transaction can write it
  const next = await db.startTransaction()
  await next.collection('t').doc('x').update({ n: 3 })
  await next.commit()
  expect((await db.collection('t').doc('x').get()).data[0].n).toBe(3)
})

test('a committed or aborted transaction cannot be used again', async () => {
  const db = emu.db
  const a = await db.startTransaction()
  await a.commit()
  expect(await codeOf(a.collection('t').add({ n: 1 }))).toBe('DATABASE_TRANSACTION_FAIL')
  const b = await db.startTransaction()
  await b.rollback()
  expect(await codeOf(b.commit())).toBe('DATABASE_TRANSACTION_FAIL')
})

test('a duplicate insert inside a transaction fails with DATABASE_DUPLICATE_WRITE', async () => {
  const db = emu.db
  await db.collection('t').add({ _id: 'dup', n: 1 })
  const tx = await db.startTransaction()
  expect(await codeOf(tx.collection('t').add({ _id: 'dup', n: 2 }))).toBe('DATABASE_DUPLICATE_WRITE')
  expect((await db.collection('t').doc('dup').get()).data[0].n).toBe(1)
})

test('bad queries and unknown actions answer a clear error and change nothing', async () => {
  const db = emu.db
  expect(
    await codeOf(
      db
        .collection('t')
        .where({ $bogus: 1 } as never)
        .get(),
    ),
  ).toBe('DATABASE_REQUEST_FAILED')
  expect(
    await codeOf(
      db
        .collection('t')
        .doc('x')
        .update({ n: db.command.inc('a' as never) }),
    ),
  ).toBe('DATABASE_REQUEST_FAILED')
  expect((await db.collection('t').doc('x').get()).data[0].n).toBe(3)
  const res = await fetch(emu.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'database.getInTransaction' }),
  })
  expect(await res.json()).toMatchObject({ code: 'INVALID_PARAM', message: expect.stringContaining('does not implement') })
})
