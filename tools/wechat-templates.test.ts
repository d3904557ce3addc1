import { NOTICE_KINDS, NOTICE_TEMPLATES, type NoticeTemplate } from '~types/notice-templates'
import { checkTemplates } from './wechat-templates'

it('passes the catalogue as it is: one ok line per notice kind', () => {
  const results = checkTemplates()
  expect(results).toHaveLength(Object.values(NOTICE_KINDS).flat().length)
  expect(results.every((r) => r.ok)).toBe(true)
  expect(results.find((r) => r.kind === 'screening.result_ready')?.line).toBe(
    'notice screening.result_ready · template 检查结果通知 (2 keywords): ok',
  )
})

it('fails a kind whose sample breaks its template (a thing over 20 characters is refused by WeChat with 47003)', () => {
  const broken: NoticeTemplate[] = NOTICE_TEMPLATES.map((t) =>
    t.topic === 'voucher' ? { ...t, sample: { ...t.sample, thing1: '工会福利消费券（二〇二六年冬季暖心专场第二批次）' } } : t,
  )
  const bad = checkTemplates(broken).filter((r) => !r.ok)
  expect(bad.map((r) => r.line)).toEqual([
    'notice vouchers.voucher_expiry · template 优惠券到期提醒 (3 keywords): argument invalid! data.thing1.value invalid',
  ])
})

it('fails a kind without a template, and a time keyword holding a date in the wrong format', () => {
  const noMatch = NOTICE_TEMPLATES.filter((t) => t.fn !== 'matchmaking')
  expect(checkTemplates(noMatch).find((r) => r.kind === 'matchmaking.match_found')).toMatchObject({
    ok: false,
    line: expect.stringContaining('no template'),
  })
  const isoTime = NOTICE_TEMPLATES.map((t) => (t.topic === 'booking' ? { ...t, sample: { ...t.sample, time2: '2026-12-07 08:00' } } : t))
  expect(
    checkTemplates(isoTime)
      .filter((r) => !r.ok)
      .map((r) => r.kind),
  ).toEqual(['screening.booking_confirmation'])
})
