import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { consoleSizes } from './console-size'

/** WeChat's limits are 2 MB per package; ours are tighter so members on slow networks open the app quickly. */
export const BUDGETS = { main: 600 * 1024, subpackage: 300 * 1024 }

/** DevTools settings, not shipped to phones. */
const NOT_SHIPPED = new Set(['project.config.json', 'project.private.config.json'])

export interface PackageSize {
  name: string
  bytes: number
  budget: number
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/** Sizes of the main package and every subpackage of a weapp build, roots taken from its app.json. */
export function measurePackages(distDir: string): PackageSize[] {
  const app = JSON.parse(readFileSync(join(distDir, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[]
    subpackages?: { root: string }[]
  }
  const roots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/+$/, ''))
  const sizes = new Map<string, number>([['main', 0], ...roots.map((r): [string, number] => [r, 0])])
  for (const file of filesUnder(distDir)) {
    const rel = relative(distDir, file).split(sep).join('/')
    if (NOT_SHIPPED.has(rel)) continue
    const owner = roots.find((r) => rel.startsWith(`${r}/`)) ?? 'main'
    sizes.set(owner, (sizes.get(owner) ?? 0) + statSync(file).size)
  }
  return [...sizes].map(([name, bytes]) => ({ name, bytes, budget: name === 'main' ? BUDGETS.main : BUDGETS.subpackage }))
}

export function formatReport(sizes: PackageSize[]): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
  return sizes
    .map((s) => {
      const mark = s.bytes > s.budget ? '✖ 超出' : '✔'
      return `${mark} ${s.name.padEnd(24)} ${String(s.bytes).padStart(9)} B  ${kb(s.bytes).padStart(10)} / ${kb(s.budget)}`
    })
    .join('\n')
}

if (require.main === module) {
  // WEAPP_DIST measures another build (one made with TARO_OUTPUT_ROOT).
  const dist = process.env.WEAPP_DIST || join(__dirname, '..', 'dist/weapp')
  if (!existsSync(join(dist, 'app.json'))) {
    console.error('dist/weapp 不存在：请先运行 npm run build:weapp')
    process.exit(1)
  }
  // the officers' console (issue 18), when built: its first load against 500 KB gzip (console-size.ts)
  const sizes = [...measurePackages(dist), ...consoleSizes(join(__dirname, '..'))]
  console.log(formatReport(sizes))
  const over = sizes.filter((s) => s.bytes > s.budget)
  if (over.length) {
    console.error(`\n包体积超出预算：${over.map((s) => s.name).join('、')}`)
    process.exit(1)
  }
}
