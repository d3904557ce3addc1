import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildFunctions } from './build-functions'
import { functionNames } from './host/functions'

const ROOT = join(__dirname, '..')

test('cloudbaserc.json deploys exactly the functions in cloudfunctions/, each with its keys from the environment', () => {
  const rc = JSON.parse(readFileSync(join(ROOT, 'cloudbaserc.json'), 'utf8'))
  const deployed = rc.functions.map((f: { name: string }) => f.name).sort()
  expect(deployed).toEqual(functionNames(join(ROOT, 'cloudfunctions')))
  for (const f of rc.functions) {
    expect(f.envVariables.QR_KEYS).toBe('{{env.QR_KEYS}}')
    expect(f.envVariables.NODE_ENV).toBe('production')
    expect(f.envVariables.WX_ENV_VERSION).toBe('{{env.WX_ENV_VERSION}}') // which version codes open and notices link to
  }
  // The functions that send notices know their template ids; member knows whether 手机号快速验证 is paid for.
  const sends = rc.functions.filter((f: { envVariables: Record<string, string> }) => f.envVariables.WX_TEMPLATE_IDS)
  expect(sends.map((f: { name: string }) => f.name).sort()).toEqual(['matchmaking', 'screening', 'vouchers'])
  expect(rc.functions.find((f: { name: string }) => f.name === 'member').envVariables.WX_PHONE_NUMBER).toBe('{{env.WX_PHONE_NUMBER}}')
  // only the console signs custom-login tickets (issue 18): its key reaches no other function
  const signs = rc.functions.filter((f: { envVariables: Record<string, string> }) => f.envVariables.CONSOLE_LOGIN_KEY)
  expect(signs.map((f: { name: string }) => f.name)).toEqual(['console'])
})

test('project.config.json points DevTools at the builds', () => {
  const pc = JSON.parse(readFileSync(join(ROOT, 'project.config.json'), 'utf8'))
  expect(pc.miniprogramRoot).toBe('dist/weapp/')
  expect(pc.cloudfunctionRoot).toBe('dist/cloudfunctions/')
})

describe('the built functions', () => {
  let out: string
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'functions-build-'))
    await buildFunctions(out)
  }, 120_000)
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  const read = (fn: string, file: string) => readFileSync(join(out, fn, file), 'utf8')

  it('declare in config.json the WeChat APIs each calls (云调用 permissions.openapi)', () => {
    const declared = Object.fromEntries(
      functionNames(join(ROOT, 'cloudfunctions')).map((fn) => [fn, JSON.parse(read(fn, 'config.json')).permissions.openapi]),
    )
    expect(declared).toEqual({
      console: ['wxacode.getUnlimited'],
      events: ['wxacode.getUnlimited'],
      member: ['wxacode.getUnlimited', 'phonenumber.getPhoneNumber'],
      screening: ['subscribeMessage.send'],
      vouchers: ['subscribeMessage.send'],
      matchmaking: ['subscribeMessage.send', 'security.msgSecCheck'],
    })
  })

  it('install wx-server-sdk (pinned) wherever the bundle requires it, and keep it out of the bundle', () => {
    for (const fn of functionNames(join(ROOT, 'cloudfunctions'))) {
      const bundle = read(fn, 'index.js')
      const deps = JSON.parse(read(fn, 'package.json')).dependencies
      if (bundle.includes('require("wx-server-sdk")')) expect({ fn, wx: deps['wx-server-sdk'] }).toEqual({ fn, wx: '4.0.2' })
      expect(bundle).not.toMatch(/CommOpenApiResp/) // the SDK itself is not inlined
    }
  })
})
