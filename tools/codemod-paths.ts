/**
 * One-off codemod (issue 15 §5): imports stop climbing `../../../../`. A relative import that
 * reaches into types/ or src/ from elsewhere is rewritten to the alias of tsconfig.json `paths`:
 *
 *   cloudfunctions/events/x.ts   '../../types/errors'           → '~types/errors'
 *   src/packages/a/pages/b/c.tsx '../../../../services/api'     → '~src/services/api'
 *   src/packages/a/pages/b/c.tsx '../../styles.css'             → '~src/packages/a/styles.css'
 *   test/e2e/x.test.ts           '../../src/utils/datetime'     → '~src/utils/datetime'
 *
 * Left alone: imports inside types/, and inside src/ those that stay within one climb (`./x`,
 * `../x`); imports of cloudfunctions/, test/ and tools/ (no alias for them). Covers static
 * imports and re-exports, `import()` (also as a type), `require()` and jest.mock & co.
 * ESLint's no-restricted-imports (eslint.config.mjs) keeps the tree this way afterwards.
 *
 *   npx tsx tools/codemod-paths.ts            # dry run: what would change, with counts
 *   npx tsx tools/codemod-paths.ts --write    # rewrite the files
 *   npx tsx tools/codemod-paths.ts --root /tmp/copy --write
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import ts from 'typescript'

const FOLDERS = ['cloudfunctions', 'src', 'test', 'tools', 'types']
const MOCKS = new Set(['mock', 'doMock', 'unmock', 'setMock', 'requireActual', 'requireMock', 'createMockFromModule'])

export interface Rewrite {
  from: string
  to: string
}

function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path))
    else if (/\.(ts|tsx|mts|cts)$/.test(name) && !name.endsWith('.d.ts.map')) out.push(path)
  }
  return out
}

const within = (path: string, folder: string) => path === folder || path.startsWith(folder + sep)
const posix = (path: string) => path.split(sep).join('/')

/** The alias form of `spec` imported from `file`, or null when it stays as it is. */
export function aliasOf(root: string, file: string, spec: string): string | null {
  if (!spec.startsWith('../')) return null
  const target = resolve(dirname(file), spec)
  const climbs = spec.match(/^(\.\.\/)+/)![0].length / 3
  for (const [folder, alias] of [
    ['types', '~types'],
    ['src', '~src'],
  ] as const) {
    const base = join(root, folder)
    if (!within(target, base) || target === base) continue
    const inside = within(file, base)
    if (folder === 'types' && inside) return null
    if (folder === 'src' && inside && climbs < 2) return null
    return `${alias}/${posix(relative(base, target))}`
  }
  return null
}

/** The string literals of a file that name a module. */
function moduleSpecifiers(sf: ts.SourceFile): ts.StringLiteralLike[] {
  const out: ts.StringLiteralLike[] = []
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      out.push(node.moduleSpecifier)
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const e = node.moduleReference.expression
      if (ts.isStringLiteral(e)) out.push(e)
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      out.push(node.argument.literal)
    } else if (ts.isCallExpression(node) && node.arguments.length && ts.isStringLiteralLike(node.arguments[0]) && namesModule(node)) {
      out.push(node.arguments[0])
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return out
}

/** require('x'), import('x'), jest.mock('x') and its kin. */
function namesModule(call: ts.CallExpression): boolean {
  const c = call.expression
  if (c.kind === ts.SyntaxKind.ImportKeyword) return true
  if (ts.isIdentifier(c)) return c.text === 'require'
  if (ts.isPropertyAccessExpression(c)) {
    const owner = c.expression
    if (ts.isIdentifier(owner) && owner.text === 'require' && c.name.text === 'resolve') return true
    return ts.isIdentifier(owner) && owner.text === 'jest' && MOCKS.has(c.name.text)
  }
  return false
}

/** Rewrites one file's text; returns the new text and what changed. */
export function rewriteSource(root: string, file: string, text: string): { text: string; rewrites: Rewrite[] } {
  const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind)
  const edits: { start: number; end: number; from: string; to: string }[] = []
  for (const lit of moduleSpecifiers(sf)) {
    const to = aliasOf(root, file, lit.text)
    if (to) edits.push({ start: lit.getStart(sf) + 1, end: lit.getEnd() - 1, from: lit.text, to })
  }
  let out = text
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.to + out.slice(e.end)
  return { text: out, rewrites: edits.map(({ from, to }) => ({ from, to })) }
}

function main(): void {
  const args = process.argv.slice(2)
  const at = args.indexOf('--root')
  const root = resolve(at >= 0 ? args[at + 1] : join(__dirname, '..'))
  const write = args.includes('--write')
  let files = 0
  let total = 0
  const perFolder: Record<string, number> = {}
  for (const folder of FOLDERS) {
    const dir = join(root, folder)
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) continue
    for (const file of sourceFiles(dir)) {
      const before = readFileSync(file, 'utf8')
      const { text, rewrites } = rewriteSource(root, file, before)
      if (!rewrites.length) continue
      files += 1
      total += rewrites.length
      perFolder[folder] = (perFolder[folder] ?? 0) + rewrites.length
      if (write) writeFileSync(file, text)
      else for (const r of rewrites) console.log(`${posix(relative(root, file))}: '${r.from}' → '${r.to}'`)
    }
  }
  const where = Object.entries(perFolder)
    .map(([f, n]) => `${f} ${n}`)
    .join(', ')
  console.log(`${write ? 'rewrote' : 'would rewrite'} ${total} imports in ${files} files${where ? ` (${where})` : ''}`)
}

if (require.main === module) main()
