import { KEYWORD_RULES, NOTICE_TEMPLATES, templateDataError } from '~types/notice-templates'
import { keywordValue, templateData, wechatTime } from './notices.data'

const at = (iso: string) => Date.parse(iso)

it('writes instants in Beijing time as WeChat`s time keyword wants them', () => {
  expect(wechatTime(at('2026-12-07T02:00:00Z'))).toBe('2026年12月7日 10:00')
  expect(wechatTime([at('2026-12-07T00:00:00Z'), at('2026-12-07T02:00:00Z')])).toBe('2026年12月7日 08:00~10:00')
  expect(wechatTime([at('2026-12-07T15:00:00Z'), at('2026-12-07T17:00:00Z')])).toBe('2026年12月7日 23:00~2026年12月8日 01:00')
  for (const v of ['2026年12月7日 10:00', '2026年12月7日 08:00~10:00', '2026年12月7日 23:00~2026年12月8日 01:00']) {
    expect(KEYWORD_RULES.time(v)).toBe(true)
  }
})

it('cuts a long thing to 20 characters ending in …, so a long site name never makes WeChat refuse the message (47003)', () => {
  const long = '南京市妇幼保健院（天妃巷院区，鼓楼区天妃巷123号门诊楼三楼）'
  const v = keywordValue('thing', long)
  expect([...v]).toHaveLength(20)
  expect(v.endsWith('…')).toBe(true)
  expect(KEYWORD_RULES.thing(v)).toBe(true)
  expect(keywordValue('thing', '')).toBe('—') // an empty thing is refused too
  expect(KEYWORD_RULES.phrase(keywordValue('phrase', '已出结果了！'))).toBe(true)
})

it('fills a template by its labels, in its order, and the result passes every keyword rule', () => {
  const booking = NOTICE_TEMPLATES.find((t) => t.topic === 'booking')!
  const { data, fields } = templateData(booking, [
    { label: '就诊地点', value: '南京市妇幼保健院（天妃巷院区，鼓楼区天妃巷123号）' },
    { label: '项目名称', value: '2027年女职工两癌免费筛查（第一轮）' },
    { label: '预约时间', value: [at('2027-03-09T23:00:00Z'), at('2027-03-10T01:00:00Z')] },
  ])
  expect(fields.map((f) => f.label)).toEqual(['项目名称', '预约时间', '就诊地点'])
  expect(data.time2).toEqual({ value: '2027年3月10日 07:00~09:00' })
  expect(templateDataError(booking, data)).toBeNull()
})

it('refuses a label the template lacks: the sender and the catalogue must agree', () => {
  const result = NOTICE_TEMPLATES.find((t) => t.topic === 'result')!
  expect(() => templateData(result, [{ label: '检查结果', value: '需复查' }])).toThrow(/no keyword labelled 检查结果/)
})
