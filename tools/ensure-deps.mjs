// Installs what is missing before `npm start` / `npm test`: a fresh clone has no
// node_modules, and a pulled lockfile may be newer than what is installed.
import { execSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'

const installed = 'node_modules/.package-lock.json'
const stale = !existsSync(installed) || statSync('package-lock.json').mtimeMs > statSync(installed).mtimeMs + 1000

if (stale) {
  console.log('[deps] 安装依赖 (npm ci)…')
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' })
}
