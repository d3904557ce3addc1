import { subBudgetIndex } from './audience.rules'
import { commonPath } from './vouchers.owners'

const QH_MT = ['u-nanjing', 'u-qinhuai', 'u-qh-meituan']
const QH_SG = ['u-nanjing', 'u-qinhuai', 'u-qh-suguo']
const XW = ['u-nanjing', 'u-xuanwu', 'u-xw-school']

it('a member draws on the sub-budget of the nearest union on her path', () => {
  const c = {
    subBudgets: [
      { unionId: 'u-qinhuai', budgetFen: 1, vouchers: 1 },
      { unionId: 'u-qh-meituan', budgetFen: 1, vouchers: 1 },
    ],
  }
  expect(subBudgetIndex(c, { branch: '美团外卖秦淮站点工会', unionPath: QH_MT })).toBe(1) // her unit's, not the district's
  expect(subBudgetIndex(c, { branch: '苏果超市有限公司工会', unionPath: QH_SG })).toBe(0) // none of her unit: the district's
  expect(subBudgetIndex(c, { branch: '玄武区教育系统工会', unionPath: XW })).toBe(-1)
  expect(subBudgetIndex(c, { branch: '美团外卖秦淮站点工会' })).toBe(-1) // a record before the tree
})

it('a campaign stored before the tree matches her branch by name', () => {
  const c = { subBudgets: [{ branch: '美团外卖秦淮站点工会', budgetFen: 1, vouchers: 1 }] }
  expect(subBudgetIndex(c, { branch: '美团外卖秦淮站点工会', unionPath: QH_MT })).toBe(0)
  expect(subBudgetIndex(c, { branch: '苏果超市有限公司工会', unionPath: QH_SG })).toBe(-1)
})

it('the merchants of a campaign, as one path: her node is on it exactly when it is on each of theirs', () => {
  expect(commonPath([QH_MT, QH_SG])).toEqual(['u-nanjing', 'u-qinhuai'])
  expect(commonPath([QH_MT, XW])).toEqual(['u-nanjing'])
  expect(commonPath([QH_MT, []])).toEqual([]) // a merchant from before the tree: the city's only
  expect(commonPath([QH_MT])).toEqual(QH_MT)
  expect(commonPath([])).toEqual([])
})
