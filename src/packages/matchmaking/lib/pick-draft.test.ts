import { findBadge, pickStatus, toggled } from './pick-draft'

const AT = Date.UTC(2027, 7, 19, 12, 5) // 20:05 in Beijing

it('a tap past K keeps the choice and explains the limit', () => {
  expect(toggled([2, 4], 6, 3)).toEqual({ chosen: [2, 4, 6], limit: null })
  expect(toggled([2, 4, 6], 8, 3)).toEqual({ chosen: [2, 4, 6], limit: '每人最多选 3 位，先取消一位再选' })
  expect(toggled([2, 4, 6], 4, 3)).toEqual({ chosen: [2, 6], limit: null })
})

it('says 已提交 only for what the server acknowledged; local changes are 未提交', () => {
  expect(pickStatus([], null)).toMatchObject({ kind: 'none' })
  expect(pickStatus([], null).text).not.toContain('已提交')
  const draft = pickStatus([2, 4, 6], null)
  expect(draft).toMatchObject({ kind: 'draft', text: expect.stringContaining('未提交：已选 3 位，点「提交」才算数') })
  expect(draft.text).not.toContain('已提交')
  expect(pickStatus([6, 2, 4], { at: AT, badges: [2, 4, 6] })).toEqual({
    kind: 'sent',
    text: '已提交（8月19日 20:05，已选 3 位），截止前可修改。',
  })
  expect(pickStatus([2, 4], { at: AT, badges: [2, 4, 6] })).toMatchObject({
    kind: 'draft',
    text: '未提交：已选 2 位，点「提交」才算数（此前的提交仍有效）',
  })
  expect(pickStatus([], { at: AT, badges: null })).toMatchObject({ kind: 'sent', text: expect.stringContaining('本机没有记录') })
})

it('finds a badge of the other group, and says why another number is not there', () => {
  const dir = { me: { badge: 12 }, others: [{ badge: 27 }, { badge: 31 }] } as Parameters<typeof findBadge>[1]
  expect(findBadge(' 27 ', dir)).toEqual({ badge: 27 })
  expect(findBadge('12', dir)).toEqual({ message: '12号是您自己' })
  expect(findBadge('999', dir)).toEqual({ message: expect.stringContaining('名单中没有 999号') })
  expect(findBadge('', dir)).toHaveProperty('message')
  expect(findBadge('2a', dir)).toHaveProperty('message')
})
