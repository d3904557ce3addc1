import { execSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = join(__dirname, '..')
const INPUTS = ['src', 'config', 'types', 'babel.config.js', '.env', '.env.production', '.env.development', 'package-lock.json']

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

/** Production build of the app for one platform, skipped when nothing changed since the last one. */
export function buildApp(platform: Platform, { force = false } = {}): void {
  if (!force && isBuildFresh(platform)) {
    console.log(`[build] ${platform} 已是最新，跳过构建`)
    return
  }
  console.log(`[build] 构建 ${platform}（生产模式）…`)
  const started = Date.now()
  execSync(`npx taro build --type ${platform}`, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  console.log(`[build] ${platform} 完成，用时 ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

if (require.main === module) {
  const platforms = process.argv.slice(2).filter((a): a is Platform => a === 'weapp' || a === 'h5')
  for (const p of platforms.length ? platforms : (['weapp', 'h5'] as Platform[])) buildApp(p, { force: process.argv.includes('--force') })
}
