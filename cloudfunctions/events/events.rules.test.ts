import { audienceWithin as audienceOf } from '../common/unions'
import fc from 'fast-check'
import {
  notForYou,
  BUCKET_MS,
  checkInWindowRefusal,
  fillBuckets,
  isFull,
  joinSubject,
  missingForTier,
  nextStampAt,
  phaseOf,
  qualifies,
  signUpOpen,
  splitSubject,
  zoneCounts,
} from './events.rules'

const zones = [
  { id: 'A', name: '匠心特产集' },
  { id: 'B', name: '巧手工艺廊' },
]

test('phases are half-open windows', () => {
  const w = { startsAt: 100, endsAt: 200 }
  expect([99, 100, 199, 200].map((t) => phaseOf(w, t))).toEqual(['upcoming', 'ongoing', 'ongoing', 'ended'])
})

test('sign-up closes at its own instant or at the end; capacity null is unlimited', () => {
  const w = { startsAt: 0, endsAt: 100 }
  expect(signUpOpen({ closesAt: 50 }, w, 49)).toBe(true)
  expect(signUpOpen({ closesAt: 50 }, w, 50)).toBe(false)
  expect(signUpOpen({ closesAt: null }, w, 99)).toBe(true)
  expect(isFull(null, 1e9)).toBe(false)
  expect(isFull(2, 2)).toBe(true)
  expect(isFull(2, 1)).toBe(false)
})

test('cooldown: next stamp time, or null when allowed now', () => {
  expect(nextStampAt(null, 60, 0)).toBeNull()
  expect(nextStampAt(1000, 0, 1000)).toBeNull()
  expect(nextStampAt(1000, 60, 30_000)).toBe(61_000)
  expect(nextStampAt(1000, 60, 61_000)).toBeNull()
})

test('tier qualification says what is missing per zone, in Chinese', () => {
  const counts = zoneCounts(zones, ['A', 'A', 'A', 'B'])
  expect(counts.map((c) => c.stamped)).toEqual([3, 1])
  expect(missingForTier({ minTotal: 10, minPerZone: 0 }, counts)).toBe('还差6枚')
  expect(missingForTier({ minTotal: 4, minPerZone: 2 }, counts)).toBe('巧手工艺廊还差1枚')
  expect(qualifies({ minTotal: 4, minPerZone: 1 }, counts)).toBe(true)
})

test('check-in window', () => {
  expect(checkInWindowRefusal({ opensAt: 10, closesAt: 20 }, 9)).toBe('CHECKIN_NOT_OPEN')
  expect(checkInWindowRefusal({ opensAt: 10, closesAt: 20 }, 10)).toBeNull()
  expect(checkInWindowRefusal({ opensAt: 10, closesAt: 20 }, 20)).toBe('CHECKIN_CLOSED')
})

test('buckets fill quiet periods with zero', () => {
  expect(fillBuckets([])).toEqual([])
  expect(
    fillBuckets([
      { bucketStart: 2 * BUCKET_MS, stamps: 3 },
      { bucketStart: 0, stamps: 1 },
    ]),
  ).toEqual([
    { bucketStart: 0, stamps: 1 },
    { bucketStart: BUCKET_MS, stamps: 0 },
    { bucketStart: 2 * BUCKET_MS, stamps: 3 },
  ])
})

test('subjects round-trip for any dot-free scope id', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^[A-Za-z0-9_-]{1,10}$/), fc.string({ minLength: 1, maxLength: 30 }), (scope, openid) => {
      expect(splitSubject(joinSubject(scope, openid))).toEqual({ scopeId: scope, openid })
    }),
  )
  expect(splitSubject('nodot')).toBeNull()
  expect(splitSubject('.x')).toBeNull()
  expect(splitSubject('x.')).toBeNull()
})

describe('who an event is for (issue 20)', () => {
  const qinhuai = { unionId: 'u-qinhuai', unionPath: ['u-nanjing', 'u-qinhuai'], organiser: '秦淮区总工会' }
  const her = { gender: 'F' as const, birthDate: '1990-01-01', tags: [], branch: '玄武区教育系统工会' }

  it("a district's or grassroots union's event is for its members; the city's and a pre-tree event for everyone", () => {
    expect(audienceOf(qinhuai)).toEqual({ unionId: 'u-qinhuai', name: '秦淮区总工会' })
    expect(audienceOf({ unionId: 'u-nanjing', unionPath: ['u-nanjing'], organiser: '南京市总工会' })).toBeNull()
    expect(audienceOf({ unionId: null, unionPath: [], organiser: '县总工会' })).toBeNull()
  })

  it('a verified member outside reads why; one inside, or anyone on an open event, reads nothing', () => {
    const within = audienceOf(qinhuai)
    expect(notForYou(within, { ...her, unionPath: ['u-nanjing', 'u-xuanwu', 'u-xw-school'] }, '2027-01-01')).toBe(
      '本次活动仅限秦淮区总工会所属会员，您所在的玄武区教育系统工会不在其中',
    )
    expect(notForYou(within, { ...her, unionPath: ['u-nanjing', 'u-qinhuai', 'u-qh-suguo'] }, '2027-01-01')).toBeNull()
    expect(notForYou(null, { ...her, unionPath: [] }, '2027-01-01')).toBeNull()
    expect(notForYou(within, null, '2027-01-01')).toBeNull()
  })
})
