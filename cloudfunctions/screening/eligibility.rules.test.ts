import { eligibilityOf, ineligibilityReasons, type MemberFacts } from './eligibility.rules'
import type { EligibilityRulesDTO, PriorityRulesDTO } from '~types/screening'

const rules: EligibilityRulesDTO = { gender: 'F', ageMin: 30, ageMax: 60, tagsAny: ['新就业形态'], branches: [], notScreenedBefore: true }
const priority: PriorityRulesDTO = { ageMin: 30, ageMax: 60, notScreenedWithinYears: 2, windowMinutes: 30 }
const her: MemberFacts = {
  verified: true,
  gender: 'F',
  birthDate: '1986-04-12',
  tags: ['新就业形态'],
  branch: 'A',
  screenedInProgramme: false,
  lastScreenedAt: null,
}
const NOW = Date.UTC(2027, 2, 8)

describe('eligibility', () => {
  it('accepts an eligible woman with priority', () => {
    expect(eligibilityOf(rules, priority, her, '2027-03-15', NOW)).toMatchObject({ eligible: true, reason: null, priority: true })
  })

  it('names every reason in Chinese', () => {
    expect(ineligibilityReasons(rules, { ...her, gender: 'M' }, '2027-03-15')).toEqual(['仅限女职工参加'])
    const young = { ...her, birthDate: '2000-01-01', tags: [] }
    expect(ineligibilityReasons(rules, young, '2027-03-15')).toEqual(['年龄不在 30–60 岁范围', '仅限新就业形态会员参加'])
    expect(ineligibilityReasons(rules, { ...her, screenedInProgramme: true }, '2027-03-15')).toEqual(['已参加本轮筛查'])
    expect(ineligibilityReasons({ ...rules, branches: ['B'] }, her, '2027-03-15')).toEqual(['您所在的工会不在本次筛查范围内'])
    expect(ineligibilityReasons(rules, { ...her, verified: false }, '2027-03-15')).toEqual(['请先完成会员认证'])
    expect(ineligibilityReasons(rules, { ...her, birthDate: '' }, '2027-03-15')).toEqual(['年龄不在 30–60 岁范围'])
  })

  it('after her own check-in she has attended (issue 8 defect 12): flagged, not just refused', () => {
    const attended = eligibilityOf(rules, priority, { ...her, screenedInProgramme: true }, '2027-03-15', NOW)
    expect(attended).toMatchObject({ eligible: false, attended: true, reason: '已参加本轮筛查' })
    expect(eligibilityOf(rules, priority, her, '2027-03-15', NOW).attended).toBeUndefined()
  })

  it('counts age on the screening date: the day before her 30th birthday she is 29', () => {
    const f = { ...her, birthDate: '1997-03-15' }
    expect(ineligibilityReasons(rules, f, '2027-03-14')).toEqual(['年龄不在 30–60 岁范围'])
    expect(ineligibilityReasons(rules, f, '2027-03-15')).toEqual([])
  })

  it('takes priority away from a woman screened within two years', () => {
    const recent = { ...her, lastScreenedAt: NOW - 365 * 24 * 3600_000 }
    expect(eligibilityOf(rules, priority, recent, '2027-03-15', NOW)).toMatchObject({ eligible: true, priority: false })
    const longAgo = { ...her, lastScreenedAt: NOW - 3 * 365 * 24 * 3600_000 }
    expect(eligibilityOf(rules, priority, longAgo, '2027-03-15', NOW).priority).toBe(true)
  })
})
