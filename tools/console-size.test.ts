import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { measureConsoleFirstLoad } from './console-size'

test('the first load counts the page and what it names, gzipped; lazy chunks are not counted', () => {
  const dir = mkdtempSync(join(tmpdir(), 'console-size-'))
  try {
    mkdirSync(join(dir, 'assets'))
    const html =
      '<script type="module" src="/console/assets/index-a.js"></script><link rel="stylesheet" href="/console/assets/index-b.css">'
    writeFileSync(join(dir, 'index.html'), html)
    writeFileSync(join(dir, 'assets/index-a.js'), 'console.log(1)'.repeat(100))
    writeFileSync(join(dir, 'assets/index-b.css'), 'a{color:red}')
    writeFileSync(join(dir, 'assets/chart-c.js'), 'x'.repeat(100_000))
    const want = [html, 'console.log(1)'.repeat(100), 'a{color:red}'].reduce((n, s) => n + gzipSync(Buffer.from(s)).length, 0)
    expect(measureConsoleFirstLoad(dir)).toEqual({ name: 'console 首次加载 (gzip)', bytes: want, budget: 500 * 1024 })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
