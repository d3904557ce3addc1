import { randomBytes } from 'node:crypto'
import tcb from '@cloudbase/node-sdk'
import type { Db } from '../../cloudfunctions/common/db'
import { restoreMetadataProbe, startTestEmulator } from '../support/emulator'

/**
 * Where the conformance cases run: always the local emulator (strict about
 * collections, like CloudBase), and a real CloudBase environment when its
 * credentials are in the environment. Every run uses fresh collection names.
 */
export interface Target {
  db: Db
  /** A collection name unique to this run, created before use. */
  collection(name: string): Promise<string>
  close(): Promise<void>
  /** Allowed difference between the server's clock and ours. */
  clockSkewMs: number
  /** For the few cases where the emulator refuses on purpose what CloudBase does (docs/emulator.md). */
  kind: 'emulator' | 'cloudbase'
}

export interface TargetSpec {
  name: string
  available: boolean
  open(): Promise<Target>
}

const runId = (): string => `conf_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`

function withCollections(db: Db, close: () => Promise<void>, clockSkewMs: number, kind: Target['kind']): Target {
  const prefix = runId()
  return {
    db,
    clockSkewMs,
    kind,
    close,
    async collection(name) {
      const full = `${prefix}_${name}`
      await db.createCollection(full)
      return full
    },
  }
}

const emulator: TargetSpec = {
  name: 'local emulator',
  available: true,
  async open() {
    const emu = await startTestEmulator({ strictCollections: true, notablescanOver: null }) // CloudBase scans where no index serves
    return withCollections(emu.db, () => emu.stop(), 1000, 'emulator')
  },
}

const realEnv = process.env.TCB_ENV && process.env.TCB_ENV !== 'local' ? process.env.TCB_ENV : undefined
const real: TargetSpec = {
  name:
    realEnv && process.env.TCB_SECRET_ID && process.env.TCB_SECRET_KEY
      ? `real CloudBase (${realEnv})`
      : 'real CloudBase (set TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY)',
  available: Boolean(realEnv && process.env.TCB_SECRET_ID && process.env.TCB_SECRET_KEY),
  async open() {
    restoreMetadataProbe()
    const db = tcb
      .init({ env: realEnv, secretId: process.env.TCB_SECRET_ID, secretKey: process.env.TCB_SECRET_KEY, timeout: 30000 })
      .database()
    return withCollections(db, async () => undefined, 60_000, 'cloudbase')
  },
}

export const TARGETS: TargetSpec[] = [emulator, real]

/** Runs `cases` once per target; an unavailable target shows up as skipped, by name. */
export function forEachTarget(title: string, cases: (t: () => Target) => void): void {
  for (const spec of TARGETS) {
    const block = spec.available ? describe : describe.skip
    block(`${title} — ${spec.name}`, () => {
      let target: Target | undefined
      beforeAll(async () => {
        target = await spec.open()
      })
      afterAll(async () => {
        await target?.close()
      })
      cases(() => {
        if (!target) throw new Error(`${spec.name} did not open`)
        return target
      })
    })
  }
}

/** The error an SDK call rejects with (CloudBase errors carry `code`). */
export async function rejection(p: Promise<unknown>): Promise<{ code?: string; message?: string }> {
  try {
    await p
  } catch (e) {
    return e as { code?: string; message?: string }
  }
  throw new Error('expected the call to fail, it succeeded')
}
