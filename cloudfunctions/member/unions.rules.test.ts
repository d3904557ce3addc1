import type { OfficerScope } from '../common/unions'
import { keeps, moveRefusal, movedPath, newChildLevel, type TreeNode } from './unions.rules'

const node = (id: string, level: TreeNode['level'], path: string[]): TreeNode => ({
  _id: id,
  name: id,
  parentId: path.length > 1 ? path[path.length - 2] : null,
  level,
  path,
})
const city = node('c', 'city', ['c'])
const qinhuai = node('qh', 'district', ['c', 'qh'])
const xuanwu = node('xw', 'district', ['c', 'xw'])
const meituan = node('mt', 'grassroots', ['c', 'qh', 'mt'])
const direct = node('metro', 'grassroots', ['c', 'metro'])

const district: OfficerScope = { all: false, unionId: 'qh', path: ['c', 'qh'], name: '秦淮区总工会', level: 'district' }
const cityScope: OfficerScope = { all: true, unionId: 'c', name: '南京市总工会', level: 'city' }

test('an officer keeps the nodes strictly below hers; nobody keeps the root', () => {
  expect(keeps(district, meituan)).toBe(true)
  expect(keeps(district, qinhuai)).toBe(false)
  expect(keeps(district, xuanwu)).toBe(false)
  expect(keeps(cityScope, qinhuai)).toBe(true)
  expect(keeps(cityScope, city)).toBe(false)
})

test('a new unit: a district only under the city, nothing under a grassroots union', () => {
  expect(newChildLevel(city, true)).toEqual({ level: 'district' })
  expect(newChildLevel(city, false)).toEqual({ level: 'grassroots' })
  expect(newChildLevel(qinhuai, false)).toEqual({ level: 'grassroots' })
  expect(newChildLevel(qinhuai, true)).toEqual({ refused: expect.stringContaining('市总工会之下') })
  expect(newChildLevel(meituan, false)).toEqual({ refused: expect.stringContaining('基层工会') })
})

test('moves: grassroots under a district or the city; never into itself or under a grassroots union', () => {
  expect(moveRefusal(meituan, xuanwu)).toBeNull()
  expect(moveRefusal(meituan, city)).toBeNull()
  expect(moveRefusal(meituan, direct)).toContain('基层工会')
  expect(moveRefusal(qinhuai, meituan)).toContain('自己或它的下级')
  expect(moveRefusal(qinhuai, xuanwu)).toContain('市总工会之下')
  expect(moveRefusal(city, qinhuai)).toContain('不能移动')
})

test('a moved subtree keeps its part below the moved unit, under the new parent', () => {
  expect(movedPath(['c', 'qh', 'mt', 'team'], 'mt', ['c', 'xw'])).toEqual(['c', 'xw', 'mt', 'team'])
  expect(movedPath(['c', 'xw', 'mt'], 'mt', ['c', 'xw'])).toEqual(['c', 'xw', 'mt']) // already there: unchanged
})
