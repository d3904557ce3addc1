/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' } },
]
// The ~types/* and ~src/* import aliases (tsconfig.json paths; also in config/index.ts and for esbuild).
const moduleNameMapper = { '^~types/(.*)$': '<rootDir>/types/$1', '^~src/(.*)$': '<rootDir>/src/$1' }
const base = { transform: { '^.+\\.(t|j)sx?$': swc }, testEnvironment: 'node', moduleNameMapper }

module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{cloudfunctions,tools,src,types}/**/*.test.ts'] },
    { ...base, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    { ...base, displayName: 'conformance', testMatch: ['<rootDir>/test/conformance/**/*.test.ts'] },
    { ...base, displayName: 'mp', testMatch: ['<rootDir>/test/mp/**/*.test.ts'] },
    { ...base, displayName: 'browser', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
}
