import { unionChoices } from './union-choices'

const u = (id: string, parentId: string | null, name: string) => ({ id, parentId, name, level: 'grassroots' as const, path: [] })

describe('union choices', () => {
  it('lists her subtree as the tree reads, each node followed by its own units', () => {
    const list = unionChoices([
      u('qh', 'nj', '秦淮区总工会'),
      u('qh-b', 'qh', '苏果超市有限公司工会'),
      u('qh-a', 'qh', '美团外卖秦淮站点工会'),
      u('qh-a-1', 'qh-a', '某班组'),
    ])
    expect(list.map((c) => c.label)).toEqual(['秦淮区总工会', '　苏果超市有限公司工会', '　美团外卖秦淮站点工会', '　　某班组'])
    expect(list[0].id).toBe('qh')
  })

  it('offers nothing before the tree is read', () => {
    expect(unionChoices([])).toEqual([])
  })
})
