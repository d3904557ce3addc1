import { SINGLE_STATEMENT } from '~types/matchmaking'
import { eligibility, type EligibilityFacts } from './eligibility.rules'
import { figure, purgeDue } from './figures.rules'
import { computeMatches, submissionRefusal } from './picks.rules'

const T0 = Date.UTC(2027, 7, 1)
const mixer = { startsAt: Date.UTC(2027, 7, 10, 11), ageMin: 22, ageMax: 35, signupOpensAt: T0 - 1, signupClosesAt: T0 + 86_400_000 }
const roster = { gender: 'F' as const, birthDate: '1996-05-01', tags: [], branch: '山阳区总工会' }
const ok: EligibilityFacts = {
  roster,
  hasProfile: true,
  statement: { version: SINGLE_STATEMENT.version, withdrawnAt: null },
  bar: null,
}

describe('eligibility', () => {
  it('admits a verified single member of the right age with a profile', () => {
    expect(eligibility(mixer, ok, T0)).toEqual({ eligible: true, reasons: [] })
  })
  it('explains every unmet condition at once', () => {
    const r = eligibility(mixer, { ...ok, roster: { ...roster, birthDate: '1980-01-01' }, statement: null, hasProfile: false }, T0)
    expect(r.reasons).toEqual(['年龄不在 22–35 岁范围', '请先签署单身承诺', '请先填写交友资料'])
    expect(eligibility(mixer, { ...ok, roster: null }, T0).reasons[0]).toBe('请先完成会员认证')
    expect(eligibility(mixer, { ...ok, roster: { ...roster, gender: '' } }, T0).reasons).toEqual(['会员名册中缺少性别信息，请联系所在工会'])
  })
  it('a withdrawn or outdated statement does not count', () => {
    expect(eligibility(mixer, { ...ok, statement: { version: SINGLE_STATEMENT.version, withdrawnAt: T0 } }, T0).eligible).toBe(false)
    expect(eligibility(mixer, { ...ok, statement: { version: 'v0', withdrawnAt: null } }, T0).reasons).toEqual([
      '单身承诺已更新，请重新阅读并签署',
    ])
  })
  it('a bar holds until its end date, not after, and not once lifted', () => {
    const bar = { until: T0 + 1000, liftedAt: null }
    expect(eligibility(mixer, { ...ok, bar }, T0).reasons[0]).toMatch(/^您已被暂停参加联谊活动，至 2027-08-01 止$/)
    expect(eligibility(mixer, { ...ok, bar }, T0 + 1000).eligible).toBe(true)
    expect(eligibility(mixer, { ...ok, bar: { ...bar, liftedAt: T0 } }, T0).eligible).toBe(true)
  })
  it('a profile text held by the content check (审核中 or 退回) keeps her from signing up until approved', () => {
    expect(eligibility(mixer, { ...ok, held: 'pending' }, T0).reasons).toEqual(['交友资料审核中，审核通过后即可报名'])
    expect(eligibility(mixer, { ...ok, held: 'returned' }, T0).reasons).toEqual(['交友资料被退回，请按提示修改后重新保存'])
    expect(eligibility(mixer, { ...ok, held: null }, T0).eligible).toBe(true)
  })
  it('age is taken on the mixer day (birthday that day counts)', () => {
    expect(eligibility({ ...mixer, ageMin: 22 }, { ...ok, roster: { ...roster, birthDate: '2005-08-10' } }, T0).eligible).toBe(true)
    expect(eligibility({ ...mixer, ageMin: 22 }, { ...ok, roster: { ...roster, birthDate: '2005-08-11' } }, T0).eligible).toBe(false)
  })
})

describe('submissions', () => {
  const w = { pickOpensAt: 100, pickClosesAt: 200, k: 3 }
  const t = (c: string) => c.repeat(43)
  const me = { checkedIn: true, hasKey: true }
  it('refuses each wrong submission with its own code', () => {
    expect(submissionRefusal(w, me, [t('a'), t('b'), t('c')], 150)).toBeNull()
    expect(submissionRefusal(w, me, [t('a'), t('b')], 150)).toBe('PICK_COUNT')
    expect(submissionRefusal(w, me, [t('a'), t('b'), t('c'), t('d')], 150)).toBe('PICK_COUNT')
    expect(submissionRefusal(w, me, [t('a'), t('a'), t('c')], 150)).toBe('PICK_TOKEN_INVALID')
    expect(submissionRefusal(w, me, [t('a'), t('b'), 'x'], 150)).toBe('PICK_TOKEN_INVALID')
    expect(submissionRefusal(w, me, [t('a'), t('b'), t('c')], 200)).toBe('PICK_CLOSED')
    expect(submissionRefusal(w, me, [t('a'), t('b'), t('c')], 99)).toBe('PICK_NOT_OPEN')
    expect(submissionRefusal(w, { checkedIn: false, hasKey: false }, [t('a'), t('b'), t('c')], 150)).toBe('MIXER_NOT_CHECKED_IN')
  })
  it('matches only a token shared by exactly two of different groups', () => {
    const subs = [
      { ref: 'm1', gender: 'M' as const, tokens: ['x', 'y', 'p1'] },
      { ref: 'f1', gender: 'F' as const, tokens: ['x', 'p2', 'p3'] },
      { ref: 'm2', gender: 'M' as const, tokens: ['y', 'z', 'p4'] }, // y: same group → nothing
      { ref: 'f2', gender: 'F' as const, tokens: ['z', 'w', 'p5'] },
      { ref: 'f3', gender: 'F' as const, tokens: ['w', 'z', 'p6'] }, // z held by three → nothing
    ]
    expect(computeMatches(subs)).toEqual([['f1', 'm1']])
    expect(computeMatches(subs, (a, b) => a === 'f1' && b === 'm1')).toEqual([])
  })
})

it('counts under five show as <5; purge after the retention days', () => {
  expect([0, 4, 5, 234].map(figure)).toEqual(['<5', '<5', 5, 234])
  expect(purgeDue({ endsAt: 0, retentionDays: 30 }, 30 * 86_400_000 - 1)).toBe(false)
  expect(purgeDue({ endsAt: 0, retentionDays: 30 }, 30 * 86_400_000)).toBe(true)
})
