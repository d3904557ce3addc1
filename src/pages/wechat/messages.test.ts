jest.mock('~src/services/demo-session', () => ({ getDemoOpenid: () => 'demo' }))

import { localTemplateId } from '~types/notice-templates'
import { messageCard } from './messages'

it('shows a delivered message as WeChat does: the template title, keyword labels in order, and the page it opens', () => {
  const card = messageCard({
    msgid: 'm1',
    templateId: localTemplateId('screening', 'booking'),
    page: 'packages/screening/pages/booking/index?id=p1',
    data: { thing3: { value: '南京市妇幼保健院' }, thing1: { value: '两癌筛查' }, time2: { value: '2026年12月7日 08:00~10:00' } },
    at: 1,
  })
  expect(card).toEqual({
    id: 'm1',
    title: '预约成功通知',
    at: 1,
    rows: [
      { label: '项目名称', value: '两癌筛查' },
      { label: '预约时间', value: '2026年12月7日 08:00~10:00' },
      { label: '就诊地点', value: '南京市妇幼保健院' },
    ],
    url: '/packages/screening/pages/booking/index?id=p1',
  })
})

it('keeps a message of a template it does not know readable, key by key', () => {
  expect(
    messageCard({ msgid: 'm2', templateId: 'real-id', page: '/pages/me/index', data: { thing1: { value: 'x' } }, at: 2 }),
  ).toMatchObject({
    title: '订阅消息',
    rows: [{ label: 'thing1', value: 'x' }],
    url: '/pages/me/index',
  })
})
