import { startEmulator, type RunningEmulator } from '../../tools/emulator/server'
import { connectDb } from '../../cloudfunctions/common/db'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { skipMetadataProbe } from '../support/emulator'

/** The emulator counts the requests it serves, so benches can print database calls per request. */
describe('request counts', () => {
  let emu: RunningEmulator
  let dir: string
  beforeAll(async () => {
    skipMetadataProbe()
    dir = mkdtempSync(join(tmpdir(), 'emulator-stats-'))
    emu = await startEmulator({ dataDir: dir, quiet: true })
  })
  afterAll(async () => {
    await emu?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  test('per action and per collection, over HTTP and in process, with reset', async () => {
    const db = connectDb(emu.url)
    const base = emu.url.replace(/\/admin$/, '')
    await fetch(`${base}/_stats/reset`, { method: 'POST' })
    await db.collection('a').add({ _id: 'x', n: 1 })
    await db.collection('a').doc('x').get()
    await db.collection('b').where({ n: 1 }).get()
    await db.collection('a').where({ _id: 'x' }).update({ n: 2 })
    const body = (await (await fetch(`${base}/_stats`)).json()) as { requests: ReturnType<RunningEmulator['requests']> }
    expect(body.requests.total).toBe(4)
    expect(body.requests.byAction).toEqual({ 'database.insertDocument': 1, 'database.getDocument': 2, 'database.modifyDocument': 1 })
    expect(body.requests.byCollection['database.getDocument a']).toBe(1)
    expect(emu.requests().total).toBe(4)
    emu.resetRequests()
    expect(emu.requests()).toEqual({ total: 0, byAction: {}, byCollection: {} })
  })
})
