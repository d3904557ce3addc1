import { readdirSync, existsSync } from 'node:fs'
import { join } from 'node:path'

export type FunctionMain = (event: unknown, context: unknown) => Promise<unknown>

/** Folders under cloudfunctions/ that are shared code, not deployable functions. */
const NOT_FUNCTIONS = new Set(['common'])

export function functionNames(root: string): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !NOT_FUNCTIONS.has(d.name) && existsSync(join(root, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort()
}

/** Loads every function's `main` in-process, the way the host runs them. */
export function loadFunctions(root: string): Map<string, FunctionMain> {
  const fns = new Map<string, FunctionMain>()
  for (const name of functionNames(root)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(join(root, name, 'index.ts')) as { main?: FunctionMain }
    if (typeof mod.main !== 'function') throw new Error(`cloudfunctions/${name}/index.ts does not export main`)
    fns.set(name, mod.main)
  }
  return fns
}
