import { formOf, requestOf } from './mixer-form'
import { signupText } from './signup-view'

const NOW = Date.UTC(2027, 6, 1, 2)

it('a new form is valid as it comes once the names are filled, and round-trips a mixer', () => {
  const f = {
    ...formOf(null, NOW),
    title: '七夕联谊会',
    programme: '2027',
    venue: '恩州驿古街广场',
    coOrganisers: '团区委、区妇联',
  }
  const r = requestOf(f, undefined)
  if (!('request' in r)) throw new Error(r.message)
  expect(r.request.coOrganisers).toEqual(['团区委', '区妇联'])
  const mixer = { ...r.request, id: 'x', phase: 'open' as const, unionId: null, organiser: '山阳区总工会' }
  const again = requestOf(formOf(mixer, NOW), 'x')
  expect('request' in again && again.request).toEqual({ ...r.request, id: 'x' })
})

it('names the 主办 of a new mixer only: an edit keeps its owner', () => {
  const f = { ...formOf(null, NOW), title: 't', programme: 'p', venue: 'v', unionId: 'u-qinhuai' }
  expect('request' in requestOf(f, undefined) && requestOf(f, undefined)).toMatchObject({ request: { unionId: 'u-qinhuai' } })
  const edit = requestOf(f, 'x')
  expect('request' in edit && 'unionId' in edit.request).toBe(false)
})

it('names the field of the first problem', () => {
  const f = { ...formOf(null, NOW), title: 't', programme: 'p', venue: 'v' }
  expect(requestOf({ ...f, title: ' ' }, undefined)).toEqual({ field: 'title', message: '请填写' })
  expect(requestOf({ ...f, pickClosesAt: f.pickOpensAt }, undefined)).toMatchObject({ field: 'pickClosesAt' })
  expect(requestOf({ ...f, startsAt: '2027-02-30 19:00' }, undefined)).toMatchObject({ field: 'startsAt' })
  expect(requestOf({ ...f, k: '0' }, undefined)).toMatchObject({ field: 'k' })
})

it('refuses, before sending, a pick window that opens before sign-up closes (the server refuses it too)', () => {
  const f = { ...formOf(null, NOW), title: 't', programme: 'p', venue: 'v' }
  expect(requestOf({ ...f, signupClosesAt: f.pickClosesAt }, undefined)).toEqual({
    field: 'pickOpensAt',
    message: '心动选择开始时间不能早于报名截止时间',
  })
  expect(requestOf({ ...f, pickOpensAt: f.startsAt }, undefined)).toMatchObject({ field: 'pickOpensAt' })
})

it('says where a sign-up stands in words', () => {
  const base = {
    mixerId: 'm',
    mixerTitle: 't',
    position: null,
    offerExpiresAt: null,
    rejectReason: null,
    checkedInAt: null,
    badge: null,
    publicKey: null,
  }
  expect(signupText({ ...base, status: 'waiting', position: 3 })).toBe('候补中，您前面还有 2 人')
  expect(signupText({ ...base, status: 'approved', badge: 27 })).toBe('已签到 · 27号')
  expect(signupText({ ...base, status: 'rejected', rejectReason: '资料不完整' })).toBe('报名未通过：资料不完整')
})
