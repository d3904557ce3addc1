import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Journal } from './journal'
import { Store } from './store'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'journal-unit-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const open = (maxBytes = 1 << 20) => {
  const store = new Store(() => false)
  const journal = new Journal(store, { dir, maxBytes })
  journal.open()
  return { store, journal }
}

async function commit(j: { store: Store; journal: Journal }, id: string, n: number): Promise<void> {
  const ops = [{ kind: 'put' as const, coll: 'c', doc: { _id: id, n, at: new Date(n) } }]
  const seq = j.store.apply(ops)
  j.journal.append(seq, ops)
  await j.journal.waitDurable(seq)
}

test('a commit is on disk when waitDurable resolves, and replays with its types intact', async () => {
  const a = open()
  await commit(a, 'x', 1)
  await commit(a, 'x', 2)
  expect(readFileSync(join(dir, 'journal.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2)
  // What a SIGKILL leaves: the files as they are now, and a lock whose owner is gone.
  const crashed = mkdtempSync(join(tmpdir(), 'journal-unit-crashed-'))
  for (const f of ['snapshot.jsonl', 'journal.jsonl']) copyFileSync(join(dir, f), join(crashed, f))
  writeFileSync(join(crashed, 'LOCK'), '999999999\n')
  await a.journal.close()
  rmSync(dir, { recursive: true })
  dir = crashed
  const b = open()
  expect(b.store.get('c', 'x')).toEqual({ _id: 'x', n: 2, at: new Date(2) })
  await b.journal.close()
})

test('a torn last line (a write never acknowledged) is dropped; damage before the end refuses to start', async () => {
  const a = open()
  await commit(a, 'x', 1)
  await a.journal.close()
  appendFileSync(join(dir, 'journal.jsonl'), '{"s":2,"o":[{"c":"c","d":{"_id":"y"')
  const b = open()
  expect(b.store.get('c', 'x')).toMatchObject({ n: 1 })
  expect(b.store.get('c', 'y')).toBeNull()
  await b.journal.close()
  writeFileSync(join(dir, 'journal.jsonl'), 'garbage\n{"s":9,"o":[]}\n')
  expect(() => open()).toThrow(/damaged journal line/)
})

test('compaction folds the journal into the snapshot once it passes the limit', async () => {
  const a = open(2000)
  for (let i = 0; i < 100; i++) await commit(a, `d${i % 10}`, i)
  expect(a.journal.compactions).toBeGreaterThan(2)
  expect(a.journal.journalBytes).toBeLessThan(2000)
  await a.journal.close()
  const b = open(2000)
  expect(b.store.list('c')).toHaveLength(10)
  expect(b.store.get('c', 'd9')).toMatchObject({ n: 99 })
  expect(b.journal.journalBytes).toBe(0)
  await b.journal.close()
})

test('commits that arrive while a batch is on its way to disk join the next one: all acknowledged, in order, none lost', async () => {
  const a = open()
  const acks = await Promise.all(
    Array.from({ length: 500 }, async (_, i) => {
      if (i % 50 === 0) await new Promise((r) => setImmediate(r)) // arrivals spread over several batches
      await commit(a, `d${i % 7}`, i)
      return i
    }),
  )
  expect(acks).toHaveLength(500)
  const lines = readFileSync(join(dir, 'journal.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { s: number })
  expect(lines.map((l) => l.s)).toEqual([...lines.map((l) => l.s)].sort((x, y) => x - y))
  expect(lines).toHaveLength(500)
  // What a SIGKILL right now leaves replays to the same store.
  const crashed = mkdtempSync(join(tmpdir(), 'journal-unit-crashed-'))
  for (const f of ['snapshot.jsonl', 'journal.jsonl']) copyFileSync(join(dir, f), join(crashed, f))
  writeFileSync(join(crashed, 'LOCK'), '999999999\n')
  const expected = a.store.list('c')
  await a.journal.close()
  rmSync(dir, { recursive: true })
  dir = crashed
  const b = open()
  expect(b.store.list('c')).toEqual(expected)
  await b.journal.close()
})

test('close waits for the batch in flight and writes what is still queued', async () => {
  const a = open()
  const ops = [{ kind: 'put' as const, coll: 'c', doc: { _id: 'late', n: 1, at: new Date(1) } }]
  const first = commit(a, 'x', 1)
  await new Promise((r) => setImmediate(r)) // x's batch is now being written
  a.journal.append(a.store.apply(ops), ops)
  await a.journal.close()
  await first
  const b = open()
  expect(b.store.get('c', 'late')).toMatchObject({ n: 1 })
  expect(b.store.get('c', 'x')).toMatchObject({ n: 1 })
  await b.journal.close()
})
