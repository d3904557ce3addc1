import type { EventSummaryDTO } from '~types/events'
import { signUpState, signedUpText } from './event-format'

const NOON_JAN1 = Date.UTC(2026, 0, 1, 4) // 12:00 Beijing

function event(over: Partial<EventSummaryDTO> = {}): EventSummaryDTO {
  return {
    id: 'walk',
    kind: 'activity',
    title: '新年登高',
    organiser: '县总工会',
    unionId: null,
    within: null,
    notForYou: null,
    venue: { name: '山脚广场', address: '', city: '南京市' },
    startsAt: NOON_JAN1,
    endsAt: NOON_JAN1 + 3 * 3600_000,
    phase: 'upcoming',
    signUp: { required: true, capacity: 600, closesAt: null },
    signedUp: 598,
    full: false,
    mySignUp: null,
    boothCount: 0,
    checkpointCount: 2,
    ...over,
  }
}

test('an open event with a cap offers sign-up and says how many places are left', () => {
  expect(signUpState(event(), NOON_JAN1)).toEqual({ kind: 'open', label: '立即报名（剩余 2 个名额）' })
  expect(signedUpText(event())).toBe('已报名 598 / 600 人')
})

test('a full event reads 已满 and cannot be tapped; the member own sign-up wins over 已满', () => {
  expect(signUpState(event({ full: true, signedUp: 600 }), NOON_JAN1)).toEqual({ kind: 'closed', label: '已满' })
  expect(signUpState(event({ full: true, mySignUp: { eventId: 'walk', signedUpAt: 1 } }), NOON_JAN1).kind).toBe('signed-up')
})

test('sign-up closes at its deadline and when the event has ended; no sign-up needed is its own state', () => {
  expect(signUpState(event({ signUp: { required: true, capacity: null, closesAt: NOON_JAN1 } }), NOON_JAN1)).toEqual({
    kind: 'closed',
    label: '报名已截止',
  })
  expect(signUpState(event({ phase: 'ended' }), NOON_JAN1).kind).toBe('closed')
  expect(signUpState(event({ signUp: { required: false, capacity: null, closesAt: null } }), NOON_JAN1)).toEqual({ kind: 'not-needed' })
  expect(signedUpText(event({ signUp: { required: true, capacity: null, closesAt: null } }))).toBe('已报名 598 人')
})

test('an event for another union’s members cannot be signed up for (the card says why)', () => {
  const within = { unionId: 'u-qinhuai', name: '秦淮区总工会' }
  const outside = event({ within, notForYou: '本次活动仅限秦淮区总工会所属会员，您所在的玄武区教育系统工会不在其中' })
  expect(signUpState(outside, NOON_JAN1)).toEqual({ kind: 'closed', label: '仅限本单位会员报名' })
  expect(signUpState(event({ within }), NOON_JAN1).kind).toBe('open')
})
