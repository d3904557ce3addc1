import { build } from 'esbuild'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { functionNames } from './host/functions'

const ROOT = join(__dirname, '..')
const OUT = join(ROOT, 'dist/cloudfunctions')
const versionOf = (pkg: string) => (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version
const SDK_VERSION = versionOf('@cloudbase/node-sdk')
const WX_SDK_VERSION = versionOf('wx-server-sdk')

/**
 * The WeChat APIs each function calls through cloud call (云调用), written to its config.json as
 * `permissions.openapi`: cloud call refuses an API the function has not declared
 * (developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/openapi/openapi.html). Declared here, not in the
 * functions' folders, because this build is what emits the deployable folder.
 */
export const OPENAPI_PERMISSIONS: Record<string, readonly string[]> = {
  console: ['wxacode.getUnlimited'], // the sign-in code (issue 18)
  events: ['wxacode.getUnlimited'],
  member: ['wxacode.getUnlimited', 'phonenumber.getPhoneNumber'],
  screening: ['subscribeMessage.send'],
  vouchers: ['subscribeMessage.send'],
  matchmaking: ['subscribeMessage.send', 'security.msgSecCheck'],
}

/**
 * Bundles each function into what CloudBase deploys: one index.js with our
 * code and its libraries inlined, a package.json that lets CloudBase
 * install the pinned SDKs in the cloud (@cloudbase/node-sdk, and wx-server-sdk
 * for the functions that call WeChat), and a config.json with the WeChat
 * APIs it may call.
 */
export async function buildFunctions(out = OUT): Promise<{ name: string; bytes: number }[]> {
  rmSync(out, { recursive: true, force: true })
  const results: { name: string; bytes: number }[] = []
  for (const name of functionNames(join(ROOT, 'cloudfunctions'))) {
    const dir = join(out, name)
    mkdirSync(dir, { recursive: true })
    const res = await build({
      entryPoints: [join(ROOT, 'cloudfunctions', name, 'index.ts')],
      outfile: join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      external: ['@cloudbase/node-sdk', 'wx-server-sdk'],
      tsconfig: join(ROOT, 'tsconfig.json'), // its `paths` resolve the ~types/* imports
      minify: false,
      sourcemap: false,
      metafile: true,
      logLevel: 'warning',
    })
    const openapi = OPENAPI_PERMISSIONS[name] ?? []
    const dependencies = { '@cloudbase/node-sdk': SDK_VERSION, ...(openapi.length ? { 'wx-server-sdk': WX_SDK_VERSION } : {}) }
    const pkg = { name, version: '1.0.0', private: true, main: 'index.js', dependencies }
    writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n')
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ permissions: { openapi } }, null, 2) + '\n')
    const bytes = Object.values(res.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0)
    results.push({ name, bytes })
  }
  return results
}

if (require.main === module) {
  buildFunctions()
    .then((rs) =>
      rs.forEach((r) => console.log(`[functions] ${r.name}: ${(r.bytes / 1024).toFixed(1)} KB → dist/cloudfunctions/${r.name}`)),
    )
    .catch((err) => {
      console.error(err)
      process.exit(1)
    })
}
