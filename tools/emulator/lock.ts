import fs from 'node:fs'
import path from 'node:path'

/**
 * One emulator per data directory: two writers would interleave their journals
 * and each compaction would erase the other's data. The lock file names the
 * owner's pid; a lock left by a killed process (pid gone) is taken over.
 */
const LOCK = 'LOCK'
const lockedHere = new Set<string>()

function ownerAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
  // A recycled pid (e.g. a fresh container) is not an emulator: only node holds the lock.
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node')
  } catch {
    return true
  }
}

export function acquireLock(dir: string): void {
  const file = path.join(path.resolve(dir), LOCK)
  if (lockedHere.has(file)) throw new Error(`data directory ${dir} is already open in this process`)
  let owner = NaN
  try {
    owner = Number(fs.readFileSync(file, 'utf8').trim())
  } catch {
    // no lock yet
  }
  if (owner !== process.pid && ownerAlive(owner)) {
    throw new Error(`data directory ${dir} is in use by another emulator (pid ${owner}); stop it, or delete ${file} if that is wrong`)
  }
  fs.writeFileSync(file, `${process.pid}\n`)
  lockedHere.add(file)
}

export function releaseLock(dir: string): void {
  const file = path.join(path.resolve(dir), LOCK)
  if (!lockedHere.delete(file)) return
  fs.rmSync(file, { force: true })
}
