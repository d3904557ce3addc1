// ESLint 9 flat config: the shape rules of issue 15 §5 (DESIGN.md "Style" 9, 10, 12), kept fast: no
// type-aware rules, so no TypeScript program is built (tsc in `npm test` does the type checking).
// Formatting is Prettier's job (.prettierrc.json), except max-len, which also catches long strings
// and comments that Prettier leaves alone.
import js from '@eslint/js'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import maxFunctionLines from './tools/eslint-rules/max-function-lines.js'

const CODE = ['**/*.{ts,tsx,js,mjs,cjs}']

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'build/', 'coverage/', '.data/', '.local/', '.swc/', 'docs/', 'patches/', '**/*.d.ts.map'],
  },
  { files: CODE, extends: [js.configs.recommended, ...tseslint.configs.recommended] },
  {
    files: CODE,
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node } },
    plugins: { 'import-x': importX, local: { rules: { 'max-function-lines': maxFunctionLines } } },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json', alwaysTryTypes: true })],
    },
    rules: {
      // No unused code: variables, imports, parameters (tsc's noUnused* agree; `_x` marks one kept on purpose).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Type-only imports are erased at build time, so they cannot make a cycle at run time.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'max-len': ['error', { code: 140, ignoreUrls: true, ignoreRegExpLiterals: true }],
      // Imports stop climbing (tools/codemod-paths.ts rewrites them): types/ and src/ are reached through
      // the ~types/* and ~src/* aliases (tsconfig.json paths); one `../` inside a folder of src/ stays.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(types|src)(/|$)',
              message: 'Import types/ and src/ through ~types/… and ~src/… (see tsconfig.json paths).',
            },
          ],
        },
      ],
    },
  },
  {
    // Functions stay small where the product lives; factory closures are exempt (tools/eslint-rules/max-function-lines.js).
    files: ['cloudfunctions/**/*.{ts,tsx}', 'src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'local/max-function-lines': ['error', { max: 40, factoryNames: '^create[A-Z]', factoryCallees: ['perInstance'] }] },
  },
  {
    // The officers' console (issue 18) is React too: the same hook rules as the mini-program.
    files: ['console/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // Two climbs inside src/ are one too many: from src/packages/x/pages/y, reach ~src/packages/x/lib.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(\\.\\./){2,}', message: 'Import through ~src/… instead of climbing two folders or more.' },
            {
              regex: '^(\\.\\./)+(types|src)(/|$)',
              message: 'Import types/ and src/ through ~types/… and ~src/… (see tsconfig.json paths).',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests and dev tools: a test's name and its expected Chinese text are long strings Prettier cannot wrap,
    // and raw documents read back from the emulator are untyped by nature.
    files: ['test/**/*.{ts,tsx}', 'tools/**/*.{ts,tsx}', '**/*.test.{ts,tsx}'],
    rules: {
      'max-len': ['error', { code: 140, ignoreUrls: true, ignoreRegExpLiterals: true, ignoreStrings: true, ignoreTemplateLiterals: true }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    // CommonJS configs and the local rules, run by node as they are.
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
