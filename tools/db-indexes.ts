/**
 * `npm run db:indexes [-- --json]`: the indexes declared in
 * cloudfunctions/common/indexes.ts, as the CloudBase manager SDK
 * (`@cloudbase/manager-node`, `database.updateCollection(name, {CreateIndexes})`)
 * takes them, so a real environment gets the same indexes the emulator
 * honours. Prints a runnable script by default, or the bare JSON (one entry
 * per collection) for the console or another tool with `--json`.
 * Creating an index that exists replaces it (CloudBase drops and recreates it).
 */
import { INDEXES, type IndexDeclaration } from '../cloudfunctions/common/indexes'

interface CreateIndex {
  IndexName: string
  MgoKeySchema: { MgoIndexKeys: { Name: string; Direction: '1' | '-1' }[]; MgoIsUnique: boolean }
}

export function createIndexes(decls: readonly IndexDeclaration[]): CreateIndex[] {
  return decls.map((d) => ({
    IndexName: d.name,
    MgoKeySchema: {
      MgoIndexKeys: d.fields.map((f) => ({ Name: f.field, Direction: f.order === -1 ? '-1' : '1' })),
      MgoIsUnique: d.unique === true,
    },
  }))
}

export function plan(): { collection: string; CreateIndexes: CreateIndex[] }[] {
  return Object.entries(INDEXES)
    .filter(([, decls]) => decls && decls.length)
    .map(([collection, decls]) => ({ collection, CreateIndexes: createIndexes(decls ?? []) }))
}

function script(): string {
  const lines = [
    '// npm i @cloudbase/manager-node, then: TCB_ENV=… TCB_SECRET_ID=… TCB_SECRET_KEY=… node create-indexes.js',
    "const CloudBase = require('@cloudbase/manager-node')",
    'const { database } = new CloudBase({ envId: process.env.TCB_ENV, secretId: process.env.TCB_SECRET_ID, secretKey: process.env.TCB_SECRET_KEY })',
    `const plan = ${JSON.stringify(plan(), null, 2)}`,
    ';(async () => {',
    '  for (const { collection, CreateIndexes } of plan) {',
    '    await database.createCollectionIfNotExists(collection)',
    '    await database.updateCollection(collection, { CreateIndexes })',
    "    console.log('indexes created:', collection, CreateIndexes.map((i) => i.IndexName).join(', '))",
    '  }',
    '})().catch((e) => { console.error(e); process.exit(1) })',
  ]
  return lines.join('\n')
}

if (require.main === module) {
  console.log(process.argv.includes('--json') ? JSON.stringify(plan(), null, 2) : script())
}
