import { execSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'

const ROOT = join(__dirname, '..')
// What a build reads: a newer file in any of these makes dist/ stale. patches/ changes node_modules
// (postinstall) without touching the lockfile; tsconfig.json holds the ~src / ~types aliases.
const INPUTS = [
  'src',
  'config',
  'types',
  'patches',
  'tsconfig.json',
  'babel.config.js',
  '.env',
  '.env.production',
  '.env.development',
  'package-lock.json',
]

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  let newest = st.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

export type Platform = 'weapp' | 'h5'

/** The file that marks a finished build of each platform. */
const MARKER: Record<Platform, string> = { weapp: 'dist/weapp/app.json', h5: 'dist/h5/index.html' }

export function isBuildFresh(platform: Platform): boolean {
  const marker = join(ROOT, MARKER[platform])
  if (!existsSync(marker)) return false
  const built = statSync(marker).mtimeMs
  return INPUTS.every((p) => newestMtime(join(ROOT, p)) <= built)
}

/**
 * Production build of the app for one platform, skipped when nothing changed since the last one.
 * `logFile`: the compiler's progress output goes there instead of the terminal (npm start keeps its
 * log readable); on failure the end of it is shown.
 */
export function buildApp(platform: Platform, { force = false, logFile }: { force?: boolean; logFile?: string } = {}): void {
  if (!force && isBuildFresh(platform)) {
    console.log(`[build] ${platform} 已是最新，跳过构建`)
    return
  }
  console.log(`[build] 构建 ${platform}（生产模式${logFile ? `，约需 1–3 分钟，过程输出写入 ${relative(ROOT, logFile)}` : ''}）…`)
  const started = Date.now()
  const env = { ...process.env, NODE_ENV: 'production' }
  if (!logFile) {
    execSync(`npx taro build --type ${platform}`, { cwd: ROOT, stdio: 'inherit', env })
  } else {
    mkdirSync(dirname(logFile), { recursive: true })
    const res = spawnSync('npx', ['taro', 'build', '--type', platform], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
    writeFileSync(logFile, `${res.stdout ?? ''}${res.stderr ?? ''}`)
    if (res.status !== 0) {
      const tail = `${res.stdout ?? ''}${res.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n')
      throw new Error(`${platform} 构建失败（完整输出见 ${relative(ROOT, logFile)}）：\n${tail}`)
    }
  }
  console.log(`[build] ${platform} 完成，用时 ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

/** What the console's build reads (console/ and what it shares with the app: types/, the call layer). */
const CONSOLE_INPUTS = ['console', 'types', 'src/services', 'src/utils', 'tsconfig.json', 'package-lock.json']
const CONSOLE_MARKER = 'dist/console/index.html'

export function isConsoleFresh(): boolean {
  const marker = join(ROOT, CONSOLE_MARKER)
  if (!existsSync(marker)) return false
  const built = statSync(marker).mtimeMs
  return CONSOLE_INPUTS.every((p) => newestMtime(join(ROOT, p)) <= built)
}

/** The officers' console (Vite, a few seconds) into dist/console, skipped when nothing changed since the last build. */
export function buildConsole({ force = false }: { force?: boolean } = {}): void {
  if (!force && isConsoleFresh()) {
    console.log('[build] console 已是最新，跳过构建')
    return
  }
  console.log('[build] 构建 console（工会干部控制台）…')
  const res = spawnSync('npx', ['vite', 'build', '--config', 'console/vite.config.mts', '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  if (res.status !== 0)
    throw new Error(`console 构建失败：\n${`${res.stdout ?? ''}${res.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n')}`)
}

if (require.main === module) {
  const platforms = process.argv.slice(2).filter((a): a is Platform => a === 'weapp' || a === 'h5')
  for (const p of platforms.length ? platforms : (['weapp', 'h5'] as Platform[])) buildApp(p, { force: process.argv.includes('--force') })
}
