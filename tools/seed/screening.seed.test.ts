import { firstRound, firstRoundSessions, gulouRound, marchRound } from './screening.seed'
import { programmeProblem } from '../../cloudfunctions/screening/programme.service'

describe('screening demo seed', () => {
  it('always offers 152 places over 7 days, whatever the time of seeding', () => {
    const base = Date.UTC(2026, 10, 22, 16, 0) // 00:00 Beijing
    for (let m = 0; m < 24 * 60; m += 17) {
      const now = base + m * 60_000
      const sessions = firstRoundSessions(now)
      expect(sessions.reduce((n, s) => n + s.capacity, 0)).toBe(152)
      expect(sessions.every((s) => s.capacity >= 1 && s.start < s.end)).toBe(true)
      expect(new Set(sessions.map((s) => s.date)).size).toBeGreaterThanOrEqual(6)
      expect(programmeProblem(firstRound(now))).toBeNull()
    }
  })

  it('opens the March round at 10:00 Beijing on 8 March', () => {
    const r = marchRound(Date.UTC(2026, 10, 23))
    expect(new Date(r.releaseAt).toISOString()).toBe('2027-03-08T02:00:00.000Z')
    expect(programmeProblem(r)).toBeNull()
  })
})

it('鼓楼区总工会 runs its own round (issue 20): 60 places over 5 days, open since before seeding', () => {
  const now = Date.UTC(2026, 10, 23, 3)
  const r = gulouRound(now)
  expect(programmeProblem(r)).toBeNull()
  expect(r.releaseAt).toBeLessThan(now)
  expect(r.sites.map((s) => s.id)).toEqual(['site-gulou'])
})
