import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connectDb, type Db } from '../../cloudfunctions/common/db'
import { type EmulatorProcess, spawnEmulator } from '../../tools/emulator/spawn'
import { skipMetadataProbe } from '../support/emulator'

/**
 * The emulator as a separate process, killed with SIGKILL in the middle of a
 * stream of writes: every write it acknowledged must be there after restart.
 * spawnEmulator runs node itself (no tsx wrapper), so the signal reaches the
 * emulator; every child is killed in afterEach/afterAll whatever happens.
 */
jest.setTimeout(30_000)

interface Proc {
  emu: EmulatorProcess
  db: Db
}

let dataDir: string
let lastMidStreamKill = 0
const running: Proc[] = []
const killAll = () => Promise.all(running.splice(0).map((p) => p.emu.kill('SIGKILL')))
beforeAll(() => {
  skipMetadataProbe()
  // The SDK never clears its 3 s "slow request" timer when a request fails (here: the
  // emulator was killed under it), so it warns after the fact; that noise is expected.
  const warn = console.warn.bind(console)
  jest.spyOn(console, 'warn').mockImplementation((...a: unknown[]) => {
    if (!String(a[0]).startsWith('[TCB][WARN] Your current request')) warn(...a)
  })
})
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'emulator-durability-'))
})
afterEach(async () => {
  await killAll()
  rmSync(dataDir, { recursive: true, force: true })
})
afterAll(async () => {
  await killAll()
  // Requests cut off by a SIGKILL leave the SDK's 3 s slow-request timer running (it is cleared
  // only on success); let them fire here rather than keep jest alive after the run.
  await new Promise((r) => setTimeout(r, Math.max(0, lastMidStreamKill + 3100 - Date.now())))
})

async function start(extra: string[] = []): Promise<Proc> {
  const emu = await spawnEmulator({ dataDir, args: extra })
  const p = { emu, db: connectDb(emu.url) }
  running.push(p)
  return p
}

const kill = async (p: Proc): Promise<void> => {
  expect((await p.emu.kill('SIGKILL')).signal).toBe('SIGKILL')
}

/** Writes with 16 in flight until `ackTarget` are acknowledged, then SIGKILLs the emulator mid-stream. */
async function writeThenKill(p: Proc, ackTarget: number) {
  const _ = p.db.command
  await p.db.collection('counter').add({ _id: 'c', n: 0 })
  const acked: string[] = []
  let incAcked = 0
  let sent = 0
  let killing: Promise<void> | undefined
  const worker = async (w: number) => {
    for (let i = 0; !killing; i++) {
      const id = `w${w}-${i}`
      sent++
      try {
        if (i % 2) {
          await p.db
            .collection('counter')
            .doc('c')
            .update({ n: _.inc(1) })
          incAcked++
        } else {
          await p.db.collection('items').add({ _id: id, w, i, body: 'x'.repeat(200) })
          acked.push(id)
        }
      } catch {
        return // the process is gone: this write was never acknowledged
      }
      if (acked.length + incAcked >= ackTarget && !killing) {
        lastMidStreamKill = Date.now()
        killing = kill(p)
      }
    }
  }
  await Promise.all(Array.from({ length: 16 }, (_x, w) => worker(w)))
  await killing
  return { acked, incAcked, sent }
}

async function allIds(db: Db): Promise<Set<string>> {
  const ids = new Set<string>()
  for (let skip = 0; ; skip += 1000) {
    const page = await db.collection('items').skip(skip).limit(1000).field({ _id: true }).get()
    page.data.forEach((d: { _id: string }) => ids.add(d._id))
    if (page.data.length < 1000) return ids
  }
}

test('SIGKILL after acknowledged writes loses none of them', async () => {
  const first = await start()
  const { acked, incAcked, sent } = await writeThenKill(first, 400)
  expect(acked.length + incAcked).toBeGreaterThanOrEqual(400)

  const second = await start()
  const ids = await allIds(second.db)
  expect(acked.filter((id) => !ids.has(id))).toEqual([])
  const n = (await second.db.collection('counter').doc('c').get()).data[0].n
  expect(n).toBeGreaterThanOrEqual(incAcked)
  expect(n).toBeLessThanOrEqual(sent)
})

test('compaction keeps the journal small and the data intact across restarts', async () => {
  const limit = 8 * 1024
  const journalBytes = () => statSync(join(dataDir, 'journal.jsonl')).size
  const first = await start(['--max-journal-bytes', String(limit)])
  const { acked, incAcked } = await writeThenKill(first, 500)
  const written = acked.length * 250 + incAcked * 60
  expect(written).toBeGreaterThan(4 * limit) // enough traffic to have forced several compactions
  expect(journalBytes()).toBeLessThan(2 * limit)

  const second = await start(['--max-journal-bytes', String(limit)])
  expect(journalBytes()).toBe(0) // startup folds the journal into the snapshot
  const ids = await allIds(second.db)
  expect(acked.filter((id) => !ids.has(id))).toEqual([])
  expect((await second.db.collection('counter').doc('c').get()).data[0].n).toBeGreaterThanOrEqual(incAcked)
  await second.db.collection('items').add({ _id: 'after-restart' })
  await kill(second)

  const third = await start()
  expect((await third.db.collection('items').doc('after-restart').get()).data).toHaveLength(1)
  expect((await allIds(third.db)).size).toBe(ids.size + 1)
})

test('SIGTERM stops cleanly; meanwhile a second emulator on the same directory, or a bad flag, fails fast', async () => {
  const p = await start()
  await p.db.collection('items').add({ _id: 'before-term' })
  await expect(spawnEmulator({ dataDir })).rejects.toThrow(/in use by another emulator/)
  await expect(spawnEmulator({ dataDir: `${dataDir}-x`, args: ['--max-journal-bytes', 'lots'] })).rejects.toThrow(/non-negative integer/)
  expect(await p.emu.kill('SIGTERM')).toEqual({ code: 0, signal: null })
  const again = await start()
  expect((await again.db.collection('items').doc('before-term').get()).data).toHaveLength(1)
})
