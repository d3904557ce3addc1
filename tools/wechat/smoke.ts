/**
 * `npm run wechat:smoke`: the four WeChat APIs once, through the real adapter, against a REAL CloudBase
 * environment (a trial version of the mini-program; docs/wechat.md "Smoke test on a trial version").
 * Needs TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY and WX_SMOKE_OPENID (a tester who opened the trial version in the
 * last 2 hours); WX_SMOKE_TEMPLATE_ID (else the first id of WX_TEMPLATE_IDS). Without them it prints SKIPPED and
 * exits 0. A call passes when WeChat answers as expected: without her opt-in a send is refused 43101 and a made-up
 * phone code 40029, which still proves the permission, the template id and the path.
 */
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readEnv } from '../../cloudfunctions/common/env'
import { createCloudWechat } from '../../cloudfunctions/common/wechat.cloud'
import type { TemplateData, WechatAnswer } from '../../cloudfunctions/common/wechat'
import { NOTICE_TEMPLATES } from '~types/notice-templates'
import { noticePage, ROUTES, type PagePath } from '~types/routes'

const NEEDED = ['TCB_ENV', 'TCB_SECRET_ID', 'TCB_SECRET_KEY', 'WX_SMOKE_OPENID'] as const

/** The template to send: WX_SMOKE_TEMPLATE_ID, else the first configured one, with its catalogue sample as data. */
function template(): { id: string; data: TemplateData } | undefined {
  const ids = JSON.parse(process.env.WX_TEMPLATE_IDS || '{}') as Record<string, Record<string, string>>
  const configured = NOTICE_TEMPLATES.map((t) => ({ t, id: ids[t.fn]?.[t.topic] })).find((c) => c.id)
  const id = process.env.WX_SMOKE_TEMPLATE_ID || configured?.id
  if (!id) return undefined
  const t = NOTICE_TEMPLATES.find((n) => ids[n.fn]?.[n.topic] === id) ?? configured?.t
  return { id, data: Object.fromEntries(Object.entries(t?.sample ?? { thing1: '冒烟测试' }).map(([k, value]) => [k, { value }])) }
}

function report(api: string, r: WechatAnswer<object>, acceptable: number[] = []): boolean {
  const pass = r.ok || acceptable.includes(r.errcode)
  console.log(`${pass ? 'PASS' : 'FAIL'} ${api}: ${r.ok ? 'ok' : `${r.errcode} ${r.errmsg}`}`)
  return pass
}

async function main(): Promise<number> {
  const missing = NEEDED.filter((k) => !process.env[k])
  const tmpl = template()
  if (missing.length || !tmpl) {
    console.log(`SKIPPED: set ${[...missing, ...(tmpl ? [] : ['WX_SMOKE_TEMPLATE_ID or WX_TEMPLATE_IDS'])].join(', ')} (docs/wechat.md)`)
    return 0
  }
  const e = readEnv({ ...process.env, QR_KEYS: process.env.QR_KEYS || `smoke:${'A'.repeat(43)}`, WX_SERVICE_URL: '' })
  const wechat = createCloudWechat({
    ...e.wechat,
    envVersion: e.wechat.envVersion === 'release' ? 'trial' : e.wechat.envVersion,
    envId: e.envId,
    secretId: e.secretId,
    secretKey: e.secretKey,
  })
  const openid = process.env.WX_SMOKE_OPENID as string
  const results = [
    report(
      'subscribeMessage.send',
      await wechat.sendSubscribeMessage({ touser: openid, templateId: tmpl.id, page: noticePage('home'), data: tmpl.data }),
      [43101],
    ),
    report('security.msgSecCheck', await wechat.checkText({ openid, scene: 2, content: '冒烟测试：你好' })),
    report('phonenumber.getPhoneNumber', await wechat.phoneNumber('smoke-test-made-up-code'), [40029]),
  ]
  const code = await wechat.codeFor(ROUTES.home.path as PagePath, 'smoke=1')
  results.push(report('wxacode.getUnlimited', code))
  if (code.ok) {
    const file = join(tmpdir(), 'wechat-smoke-code.png')
    writeFileSync(file, code.image)
    console.log(`  code image: ${file} (scan it with WeChat: the trial version should open)`)
  }
  return results.every(Boolean) ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err)
    process.exit(1)
  },
)
