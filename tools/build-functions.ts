import { build } from 'esbuild'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { functionNames } from './host/functions'

const ROOT = join(__dirname, '..')
const OUT = join(ROOT, 'dist/cloudfunctions')
const SDK_VERSION = (JSON.parse(readFileSync(require.resolve('@cloudbase/node-sdk/package.json'), 'utf8')) as { version: string }).version

/**
 * Bundles each function into what CloudBase deploys: one index.js with our
 * code and its libraries inlined, and a package.json that lets CloudBase
 * install the pinned SDK in the cloud.
 */
export async function buildFunctions(): Promise<{ name: string; bytes: number }[]> {
  rmSync(OUT, { recursive: true, force: true })
  const results: { name: string; bytes: number }[] = []
  for (const name of functionNames(join(ROOT, 'cloudfunctions'))) {
    const dir = join(OUT, name)
    mkdirSync(dir, { recursive: true })
    const res = await build({
      entryPoints: [join(ROOT, 'cloudfunctions', name, 'index.ts')],
      outfile: join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      external: ['@cloudbase/node-sdk'],
      tsconfig: join(ROOT, 'tsconfig.json'), // its `paths` resolve the ~types/* imports
      minify: false,
      sourcemap: false,
      metafile: true,
      logLevel: 'warning',
    })
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify(
        { name, version: '1.0.0', private: true, main: 'index.js', dependencies: { '@cloudbase/node-sdk': SDK_VERSION } },
        null,
        2,
      ) + '\n',
    )
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
