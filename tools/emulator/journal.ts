import fs from 'node:fs'
import path from 'node:path'
import { type Doc, fromJournal, toJournal } from './codec'
import { acquireLock, releaseLock } from './lock'
import type { Op, Store } from './store'

/**
 * Durable storage: `snapshot.jsonl` (the whole store as of one sequence) plus
 * `journal.jsonl` (one line per commit after it). A reply is sent only after
 * its commit — and every commit it could have observed — is fsynced
 * (`waitDurable`). Group commit: the write and fdatasync run on libuv's
 * thread pool, one batch at a time, so the event loop keeps serving while the
 * disk works; every commit that arrives meanwhile joins the next batch and
 * shares its fsync (the busier, the fewer fsyncs per commit).
 * See docs/emulator.md for the line formats.
 */
const SNAPSHOT = 'snapshot.jsonl'
const JOURNAL = 'journal.jsonl'
const FORMAT = 'cloudbase-emulator-snapshot'

type JournalOp = { c: string; d: unknown } | { c: string; x: unknown } | { c: string; n: 1 }

const toLineOp = (op: Op): JournalOp =>
  op.kind === 'put'
    ? { c: op.coll, d: toJournal(op.doc) }
    : op.kind === 'del'
      ? { c: op.coll, x: toJournal({ id: op.id }) }
      : { c: op.coll, n: 1 }

function fromLineOp(o: Record<string, unknown>): Op {
  const coll = String(o.c)
  if ('d' in o) return { kind: 'put', coll, doc: fromJournal(o.d) as Doc }
  if ('x' in o) return { kind: 'del', coll, id: (fromJournal(o.x) as Doc).id }
  return { kind: 'create', coll }
}

/** Appends all of `text` (a short write goes on from where it stopped). */
async function writeAll(fd: number, text: string): Promise<void> {
  let buf = Buffer.from(text)
  while (buf.length) {
    const n = await new Promise<number>((resolve, reject) =>
      fs.write(fd, buf, 0, buf.length, null, (e, written) => (e ? reject(e) : resolve(written))),
    )
    buf = buf.subarray(n)
  }
}

function fsyncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r')
  try {
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
}

/** Writes a file under a temporary name, fsyncs it, then renames it into place. */
function writeAtomically(file: string, lines: Iterable<string>): void {
  const tmp = `${file}.tmp`
  const fd = fs.openSync(tmp, 'w')
  try {
    let buf = ''
    for (const line of lines) {
      buf += line
      if (buf.length > 1 << 20) {
        fs.writeSync(fd, buf)
        buf = ''
      }
    }
    if (buf) fs.writeSync(fd, buf)
    fs.fsyncSync(fd)
  } finally {
    fs.closeSync(fd)
  }
  fs.renameSync(tmp, file)
  fsyncDir(path.dirname(file))
}

export interface JournalOptions {
  dir: string
  /** Compact when the journal grows past this many bytes. */
  maxBytes: number
}

export class Journal {
  private fd = -1
  private size = 0
  private pending: string[] = []
  private pendingSeq = 0
  private durableSeq = 0
  private scheduled = false
  /** A batch is being written and synced; the next one waits for it (one writer keeps the file in commit order). */
  private writing: Promise<void> | undefined
  private waiters: { seq: number; resolve: () => void; reject: (e: Error) => void }[] = []
  private broken: Error | undefined
  compactions = 0

  constructor(
    private readonly store: Store,
    private readonly opts: JournalOptions,
  ) {}

  /** Loads snapshot and journal into the store, then compacts so startup stays fast. */
  open(): void {
    fs.mkdirSync(this.opts.dir, { recursive: true })
    acquireLock(this.opts.dir)
    try {
      this.replayJournal(this.loadSnapshot())
      this.durableSeq = this.store.seq
      this.compact()
    } catch (e) {
      releaseLock(this.opts.dir)
      throw e
    }
  }

  private loadSnapshot(): number {
    const file = path.join(this.opts.dir, SNAPSHOT)
    if (!fs.existsSync(file)) return 0
    const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)
    const head = JSON.parse(lines[0] ?? '{}') as { format?: string; seq?: number }
    if (head.format !== FORMAT) throw new Error(`${file}: not an emulator snapshot`)
    const ops = lines.slice(1).map((l) => fromLineOp(JSON.parse(l)))
    this.store.apply(ops, head.seq ?? 0)
    return head.seq ?? 0
  }

  /** A torn last line (crash mid-write, never acknowledged) is dropped; damage elsewhere is fatal. */
  private replayJournal(after: number): void {
    const file = path.join(this.opts.dir, JOURNAL)
    if (!fs.existsSync(file)) return
    const lines = fs.readFileSync(file, 'utf8').split('\n')
    lines.forEach((line, i) => {
      if (!line) return
      let entry: { s: number; o: Record<string, unknown>[] }
      try {
        entry = JSON.parse(line)
      } catch (e) {
        if (i === lines.length - 1) return
        throw new Error(`${file}:${i + 1}: damaged journal line: ${(e as Error).message}`)
      }
      if (entry.s > after) this.store.apply(entry.o.map(fromLineOp), entry.s)
    })
  }

  /** Writes the whole store as a snapshot and starts an empty journal. */
  compact(): void {
    const store = this.store
    function* lines(): Generator<string> {
      yield JSON.stringify({ format: FORMAT, version: 1, seq: store.seq }) + '\n'
      for (const c of store.collectionNames()) {
        yield JSON.stringify(toLineOp({ kind: 'create', coll: c })) + '\n'
        for (const doc of store.list(c)) yield JSON.stringify(toLineOp({ kind: 'put', coll: c, doc })) + '\n'
      }
    }
    if (this.fd >= 0) fs.closeSync(this.fd)
    writeAtomically(path.join(this.opts.dir, SNAPSHOT), lines())
    writeAtomically(path.join(this.opts.dir, JOURNAL), [])
    this.fd = fs.openSync(path.join(this.opts.dir, JOURNAL), 'a')
    this.size = 0
    this.compactions++
  }

  /** Queues one commit; it becomes durable at the next flush (same tick). */
  append(seq: number, ops: Op[]): void {
    this.pending.push(JSON.stringify({ s: seq, o: ops.map(toLineOp) }) + '\n')
    this.pendingSeq = seq
    if (!this.scheduled) {
      this.scheduled = true
      setImmediate(() => this.flush())
    }
  }

  /** Resolves once every commit up to `seq` is on disk. */
  waitDurable(seq: number): Promise<void> {
    if (this.broken) return Promise.reject(this.broken)
    if (seq <= this.durableSeq) return Promise.resolve()
    return new Promise((resolve, reject) => this.waiters.push({ seq, resolve, reject }))
  }

  private flush(): void {
    this.scheduled = false
    if (this.writing || !this.pending.length || this.broken) return
    const batch = this.pending.join('')
    const upTo = this.pendingSeq
    this.pending = []
    this.writing = (async () => {
      try {
        await writeAll(this.fd, batch)
        await new Promise<void>((resolve, reject) => fs.fdatasync(this.fd, (e) => (e ? reject(e) : resolve())))
        this.size += Buffer.byteLength(batch)
        this.durableSeq = upTo
        if (this.size > this.opts.maxBytes) this.compact()
      } catch (e) {
        // Memory is now ahead of disk: refuse all further work rather than ack anything.
        this.broken = new Error(`journal write failed: ${(e as Error).message}`)
      }
      this.writing = undefined
      this.settle()
      if (this.pending.length) this.flush() // what arrived while the disk was busy: the next batch
    })()
  }

  private settle(): void {
    const still: typeof this.waiters = []
    for (const w of this.waiters) {
      if (this.broken) w.reject(this.broken)
      else if (w.seq <= this.durableSeq) w.resolve()
      else still.push(w)
    }
    this.waiters = still
  }

  get failure(): Error | undefined {
    return this.broken
  }

  /** Writes what is queued, waits for it to be on disk, and closes the file. */
  async close(): Promise<void> {
    while (this.writing || (this.pending.length && !this.broken)) {
      this.flush()
      await this.writing
    }
    if (this.fd >= 0) fs.closeSync(this.fd)
    this.fd = -1
    releaseLock(this.opts.dir)
  }

  get journalBytes(): number {
    return this.size
  }
}
