import { RuleTester } from 'eslint'
import tseslint from 'typescript-eslint'
import rule from './max-function-lines'

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } } })
const body = (n: number, v = 'x') => Array.from({ length: n }, (_, i) => `  ${v} += ${i}`).join('\n')
const opts = [{ max: 3 }]

describe('local/max-function-lines', () => {
  tester.run('max-function-lines', rule, {
    valid: [
      { code: `function short() {\n${body(1)}\n}`, options: opts },
      // blank lines and comment-only lines do not count
      { code: `function f() {\n\n  // why\n  /* more\n     why */\n${body(1)}\n\n}`, options: opts },
      // a factory closure is not measured as a whole; its small methods pass
      { code: `export function createTill(deps) {\n${body(5)}\n  return { a() { return 1 }, b: () => 2 }\n}`, options: opts },
      { code: `const createRepo = (db) => {\n${body(5)}\n  return {}\n}`, options: opts },
      { code: `export const services = perInstance((db, clock) => {\n${body(5)}\n  return {}\n})`, options: opts },
    ],
    invalid: [
      { code: `function long() {\n${body(3)}\n}`, options: opts, errors: [{ message: /Function 'long' has too many lines \(5\)/ }] },
      // a React component is an ordinary function
      {
        code: `export function Page() {\n${body(2)}\n  return <View>\n  </View>\n}`,
        options: opts,
        errors: [{ message: /Function 'Page' has too many lines \(6\)/ }],
      },
      // a long method inside a factory is still flagged
      {
        code: `function createSvc() {\n  return {\n    redeem() {\n${body(3)}\n    },\n  }\n}`,
        options: opts,
        errors: [{ message: /Function 'redeem' has too many lines \(5\)/ }],
      },
      // a callback of anything but perInstance is measured
      { code: `run(() => {\n${body(3)}\n})`, options: opts, errors: [{ message: /Function passed to run\(\) has too many lines/ }] },
      // the default limit is 40
      { code: `function f() {\n${body(39)}\n}`, errors: [{ message: /\(41\)\. Maximum allowed is 40/ }] },
    ],
  })
})
