import type { RosterDoc } from '../common/member-docs'
import type { OfficerScope } from '../common/unions'
import { placeRows } from './roster-placement.rules'
import type { RosterFields } from './roster.repository'
import type { TreeNode } from './unions.rules'

const tree: TreeNode[] = [
  { _id: 'c', name: '南京市总工会', parentId: null, level: 'city', path: ['c'] },
  { _id: 'qh', name: '秦淮区总工会', parentId: 'c', level: 'district', path: ['c', 'qh'] },
  { _id: 'mt', name: '美团外卖秦淮站点工会', parentId: 'qh', level: 'grassroots', path: ['c', 'qh', 'mt'] },
  { _id: 'xw', name: '玄武区总工会', parentId: 'c', level: 'district', path: ['c', 'xw'] },
]
const row = (cardNo: string, branch: string): RosterFields => ({
  name: '某',
  cardNo,
  phone: '',
  branch,
  tags: [],
  gender: '',
  birthDate: '',
})
const qinhuai: OfficerScope = { all: false, unionId: 'qh', path: ['c', 'qh'], name: '秦淮区总工会', level: 'district' }

test('places rows in her subtree and refuses the others row by row, with the line of each', () => {
  const rows = [row('A1', '美团外卖秦淮站点工会'), row('A2', '玄武区总工会'), row('A3', '某某工会'), row('A4', '秦淮区总工会')]
  const existing = new Map([['A4', { unionPath: ['c', 'xw'], branch: '玄武区总工会' } as RosterDoc]])
  const out = placeRows(rows, [2, 3, 5, 6], tree, qinhuai, existing)
  expect(out.rows).toEqual([{ ...rows[0], unionId: 'mt', unionPath: ['c', 'qh', 'mt'] }])
  expect(out.errors).toEqual([
    { line: 3, reason: '所属工会「玄武区总工会」不属于秦淮区总工会，不能导入' },
    { line: 5, reason: expect.stringContaining('不在工会组织中') },
    { line: 6, reason: expect.stringContaining('已登记在「玄武区总工会」') },
  ])
})

test('without a tree every row is accepted without a place (a federation before issue 20)', () => {
  const city: OfficerScope = { all: true, unionId: null, name: '市总工会', level: 'city' }
  expect(placeRows([row('A1', '任意工会')], [2], [], city, new Map()).rows).toEqual([
    { ...row('A1', '任意工会'), unionId: null, unionPath: [] },
  ])
})
