import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { functionNames } from './host/functions'

const ROOT = join(__dirname, '..')

test('cloudbaserc.json deploys exactly the functions in cloudfunctions/, each with its keys from the environment', () => {
  const rc = JSON.parse(readFileSync(join(ROOT, 'cloudbaserc.json'), 'utf8'))
  const deployed = rc.functions.map((f: { name: string }) => f.name).sort()
  expect(deployed).toEqual(functionNames(join(ROOT, 'cloudfunctions')))
  for (const f of rc.functions) {
    expect(f.envVariables.QR_KEYS).toBe('{{env.QR_KEYS}}')
    expect(f.envVariables.NODE_ENV).toBe('production')
  }
})

test('project.config.json points DevTools at the builds', () => {
  const pc = JSON.parse(readFileSync(join(ROOT, 'project.config.json'), 'utf8'))
  expect(pc.miniprogramRoot).toBe('dist/weapp/')
  expect(pc.cloudfunctionRoot).toBe('dist/cloudfunctions/')
})
