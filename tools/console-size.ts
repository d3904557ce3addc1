import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { PackageSize } from './size'

/** Issue 18: the console's first load (its page, and the scripts and styles the page itself names) ≤ 500 KB gzip. */
export const CONSOLE_BUDGET = 500 * 1024

/**
 * What a browser fetches before the console draws: index.html and every script, stylesheet and module
 * preload it names, each gzipped as a static host serves it. Chunks loaded later (ECharts on 首页, the
 * CloudBase SDK in production) are not counted: they are what lazy loading keeps out of the first load.
 */
export function measureConsoleFirstLoad(dir: string): PackageSize {
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const named = [...html.matchAll(/(?:src|href)="\/console\/([^"]+\.(?:js|css))"/g)].map((m) => m[1])
  const files = ['index.html', ...new Set(named)]
  const bytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f))).length, 0)
  return { name: 'console 首次加载 (gzip)', bytes, budget: CONSOLE_BUDGET }
}

/** The console's line for `npm run size`, when it is built (CONSOLE_DIST measures another build). */
export function consoleSizes(root: string): PackageSize[] {
  const dir = process.env.CONSOLE_DIST || join(root, 'dist/console')
  return existsSync(join(dir, 'index.html')) ? [measureConsoleFirstLoad(dir)] : []
}
