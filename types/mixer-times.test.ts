import { mixerTimesProblem, type MixerTimes } from './mixer-times'

const H = 3_600_000
const START = Date.UTC(2027, 7, 19, 11)
/** A mixer as the form proposes it: sign-up closes the day before, picks 2–3 h after the start. */
const ok: MixerTimes = {
  startsAt: START,
  endsAt: START + 4 * H,
  signupOpensAt: START - 14 * 24 * H,
  signupClosesAt: START - 24 * H,
  pickOpensAt: START + 2 * H,
  pickClosesAt: START + 3 * H,
}

it('accepts consistent times, including sign-up open into the mixer and picks after it ends', () => {
  expect(mixerTimesProblem(ok)).toBeNull()
  expect(mixerTimesProblem({ ...ok, signupClosesAt: ok.pickOpensAt })).toBeNull()
  expect(mixerTimesProblem({ ...ok, pickClosesAt: ok.endsAt + 2 * H })).toBeNull()
})

it('refuses a pick window that opens before sign-up closes, naming pickOpensAt', () => {
  expect(mixerTimesProblem({ ...ok, signupClosesAt: ok.pickOpensAt + 1 })).toEqual({
    field: 'pickOpensAt',
    message: '心动选择开始时间不能早于报名截止时间',
  })
})

it('names the field of every other broken ordering', () => {
  expect(mixerTimesProblem({ ...ok, endsAt: ok.startsAt })?.field).toBe('endsAt')
  expect(mixerTimesProblem({ ...ok, signupClosesAt: ok.signupOpensAt })?.field).toBe('signupClosesAt')
  expect(mixerTimesProblem({ ...ok, signupOpensAt: ok.startsAt, signupClosesAt: ok.startsAt + H })?.field).toBe('signupOpensAt')
  expect(mixerTimesProblem({ ...ok, signupClosesAt: ok.startsAt - 2 * H, pickOpensAt: ok.startsAt - H })).toMatchObject({
    field: 'pickOpensAt',
    message: expect.stringContaining('签到'),
  })
  expect(mixerTimesProblem({ ...ok, pickClosesAt: ok.pickOpensAt })?.field).toBe('pickClosesAt')
})
