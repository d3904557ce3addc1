import { aliasOf, rewriteSource } from './codemod-paths'

const ROOT = '/repo'

describe('codemod-paths', () => {
  it('rewrites climbs into types/ and src/, and leaves the rest', () => {
    expect(aliasOf(ROOT, '/repo/cloudfunctions/events/x.ts', '../../types/errors')).toBe('~types/errors')
    expect(aliasOf(ROOT, '/repo/src/packages/a/pages/b/index.tsx', '../../../../services/api')).toBe('~src/services/api')
    expect(aliasOf(ROOT, '/repo/src/packages/a/pages/b/index.tsx', '../../../../../types/routes')).toBe('~types/routes')
    expect(aliasOf(ROOT, '/repo/src/packages/a/pages/b/index.tsx', '../../styles.css')).toBe('~src/packages/a/styles.css')
    expect(aliasOf(ROOT, '/repo/test/e2e/x.test.ts', '../../src/utils/datetime')).toBe('~src/utils/datetime')
    // one climb inside src/, anything inside types/, and other folders stay
    expect(aliasOf(ROOT, '/repo/src/packages/a/pages/b/index.tsx', '../lib/x')).toBeNull()
    expect(aliasOf(ROOT, '/repo/src/pages/me/index.tsx', './my-data-view')).toBeNull()
    expect(aliasOf(ROOT, '/repo/types/routes.test.ts', '../types/routes')).toBeNull()
    expect(aliasOf(ROOT, '/repo/test/integration/x.test.ts', '../../cloudfunctions/common/db')).toBeNull()
    expect(aliasOf(ROOT, '/repo/tools/x.ts', '../../types')).toBeNull()
  })

  it('rewrites every kind of module reference in place, quotes kept', () => {
    const file = '/repo/test/mp/x.test.ts'
    const text = [
      `import type { A } from '../../types/a'`,
      `export { b } from "../../src/b"`,
      `const c = require('../../src/c')`,
      `jest.mock('../../src/services/api')`,
      `type D = import('../../types/d').D`,
      `const e = () => import('../../src/e')`,
      `const f = '../../src/not-an-import'`,
      `import { g } from '../support/g'`,
    ].join('\n')
    const out = rewriteSource(ROOT, file, text)
    expect(out.rewrites).toHaveLength(6)
    expect(out.text.split('\n')).toEqual([
      `import type { A } from '~types/a'`,
      `export { b } from "~src/b"`,
      `const c = require('~src/c')`,
      `jest.mock('~src/services/api')`,
      `type D = import('~types/d').D`,
      `const e = () => import('~src/e')`,
      `const f = '../../src/not-an-import'`,
      `import { g } from '../support/g'`,
    ])
  })
})
