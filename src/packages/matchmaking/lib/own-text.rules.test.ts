import { ApiError } from '~src/services/api-error'
import { ownTextMessage } from './own-text.rules'

const labels = { intro: '自我介绍', note: '举报说明' }

test('a CONTENT_RISKY refusal names the field it is about', () => {
  expect(ownTextMessage(new ApiError('CONTENT_RISKY', 'intro'), labels)).toBe('自我介绍含有不适宜发布的内容，请修改后再提交')
  expect(ownTextMessage(new ApiError('CONTENT_RISKY', 'note'), labels)).toBe('举报说明含有不适宜发布的内容，请修改后再提交')
})

test('anything else keeps the code’s own message', () => {
  expect(ownTextMessage(new ApiError('WECHAT_UNAVAILABLE', 'intro'), labels)).toBeUndefined()
  expect(ownTextMessage(new ApiError('CONTENT_RISKY'), labels)).toBeUndefined()
  expect(ownTextMessage(new ApiError('CONTENT_RISKY', 'other'), labels)).toBeUndefined()
  expect(ownTextMessage(new Error('x'), labels)).toBeUndefined()
})
