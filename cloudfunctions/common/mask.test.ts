import { maskCardNo, maskName, maskPhone } from './mask'

test('phone keeps the first three and last four digits only', () => {
  expect(maskPhone('13800000123')).toBe('138****0123')
  expect(maskPhone('123')).toBe('***')
})

test('card number hides the middle and keeps a tail that tells neighbours apart', () => {
  expect(maskCardNo('GH3201000123')).toBe('GH******0123')
  expect(maskCardNo('GH3201000124')).not.toBe(maskCardNo('GH3201000123'))
  expect(maskCardNo('AB1234')).toBe('****34')
  expect(maskCardNo('AB12')).toBe('****')
})

test('name keeps the surname', () => {
  expect(maskName('李明')).toBe('李*')
  expect(maskName('欧阳娜娜')).toBe('欧***')
})
