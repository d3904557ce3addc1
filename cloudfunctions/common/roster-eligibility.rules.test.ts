import fc from 'fast-check'
import { ageInRange, rosterReasons, type RosterAudience, type RosterFacts } from './roster-eligibility.rules'

const women30to60: RosterAudience = { gender: 'F', ageMin: 30, ageMax: 60, tagsAny: ['新就业形态', '劳模'], branches: [] }
const her: RosterFacts = { gender: 'F', birthDate: '1986-04-12', tags: ['新就业形态'], branch: '南京市鼓楼区总工会' }

describe('roster eligibility', () => {
  it('lets an audience member in and names every reason otherwise, in Chinese', () => {
    expect(rosterReasons(women30to60, her, '2027-03-15')).toEqual([])
    expect(rosterReasons(women30to60, null, '2027-03-15')).toEqual(['请先完成会员认证'])
    expect(rosterReasons(women30to60, { ...her, gender: 'M', tags: [] }, '2027-03-15')).toEqual([
      '仅限女职工参加',
      '仅限新就业形态、劳模会员参加',
    ])
    expect(rosterReasons({ ...women30to60, gender: 'M' }, her, '2027-03-15')).toEqual(['仅限男职工参加'])
    expect(rosterReasons({ ...women30to60, branches: ['南京市玄武区总工会'] }, her, '2027-03-15')).toEqual([
      '您所在的工会不在本次活动范围内',
    ])
    expect(rosterReasons({ ...women30to60, branches: ['南京市玄武区总工会'] }, her, '2027-03-15', '筛查')).toEqual([
      '您所在的工会不在本次筛查范围内',
    ])
  })

  it("limits an audience to its owner's subtree and says whose it is", () => {
    const qinhuai = { unionId: 'u-qinhuai', name: '秦淮区总工会' }
    const inQinhuai = { ...her, branch: '美团外卖秦淮站点工会', unionPath: ['u-nj', 'u-qinhuai', 'u-qh-meituan'] }
    const inXuanwu = { ...her, branch: '玄武区教育系统工会', unionPath: ['u-nj', 'u-xuanwu', 'u-xw-school'] }
    expect(rosterReasons({ ...women30to60, within: qinhuai }, inQinhuai, '2027-03-15', '发放')).toEqual([])
    expect(rosterReasons({ ...women30to60, within: qinhuai }, inXuanwu, '2027-03-15', '发放')).toEqual([
      '本次发放仅限秦淮区总工会所属会员，您所在的玄武区教育系统工会不在其中',
    ])
    // a record imported before the tree belongs to no subtree but the city's
    expect(rosterReasons({ ...women30to60, within: qinhuai }, her, '2027-03-15')).toHaveLength(1)
    expect(rosterReasons({ ...women30to60, within: null }, her, '2027-03-15')).toEqual([])
  })

  it('reads age on the given day and treats an unknown birth date as outside any age range', () => {
    expect(rosterReasons(women30to60, { ...her, birthDate: '1997-03-15' }, '2027-03-14')).toEqual(['年龄不在 30–60 岁范围'])
    expect(rosterReasons(women30to60, { ...her, birthDate: '1997-03-15' }, '2027-03-15')).toEqual([])
    expect(rosterReasons({ ...women30to60, ageMax: null }, { ...her, birthDate: '' }, '2027-03-15')).toEqual(['年龄不在 30 岁及以上范围'])
    expect(
      rosterReasons({ gender: null, ageMin: null, ageMax: null, tagsAny: [], branches: [] }, { ...her, birthDate: '' }, '2027-03-15'),
    ).toEqual([])
  })

  it('an open range admits every age; a closed one exactly the ages inside it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1930, max: 2020 }),
        (a, b, year) => {
          const [min, max] = a <= b ? [a, b] : [b, a]
          const age = 2027 - year
          expect(ageInRange(`${year}-01-01`, '2027-06-01', null, null)).toBe(true)
          expect(ageInRange(`${year}-01-01`, '2027-06-01', min, max)).toBe(age >= min && age <= max)
        },
      ),
    )
  })
})
