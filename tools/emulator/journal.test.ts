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
  a.journal.close()
  rmSync(dir, { recursive: true })
  dir = crashed
  const b = open()
  expect(b.store.get('c', 'x')).toEqual({ _id: 'x', n: 2, at: new Date(2) })
  b.journal.close()
})

test('a torn last line (a write never acknowledged) is dropped; damage before the end refuses to start', async () => {
  const a = open()
  await commit(a, 'x', 1)
  a.journal.close()
  appendFileSync(join(dir, 'journal.jsonl'), '{"s":2,"o":[{"c":"c","d":{"_id":"y"')
  const b = open()
  expect(b.store.get('c', 'x')).toMatchObject({ n: 1 })
  expect(b.store.get('c', 'y')).toBeNull()
  b.journal.close()
  writeFileSync(join(dir, 'journal.jsonl'), 'garbage\n{"s":9,"o":[]}\n')
  expect(() => open()).toThrow(/damaged journal line/)
})

test('compaction folds the journal into the snapshot once it passes the limit', async () => {
  const a = open(2000)
  for (let i = 0; i < 100; i++) await commit(a, `d${i % 10}`, i)
  expect(a.journal.compactions).toBeGreaterThan(2)
  expect(a.journal.journalBytes).toBeLessThan(2000)
  a.journal.close()
  const b = open(2000)
  expect(b.store.list('c')).toHaveLength(10)
  expect(b.store.get('c', 'd9')).toMatchObject({ n: 99 })
  expect(b.journal.journalBytes).toBe(0)
  b.journal.close()
})
