import { EMPTY_FORM, formFieldOf, toRequest, type EventForm } from './event-form'

const filled: EventForm = {
  ...EMPTY_FORM,
  title: '跟着劳模赶大集',
  unionId: 'u-qinhuai',
  venueName: '万达广场一层中庭',
  city: '南京市',
  startsAt: '2027-01-01 09:00',
  endsAt: '2027-01-02 17:00',
  zones: 'A:匠心特产集，B：巧手工艺廊',
  capacity: '',
  cooldownSeconds: '20',
}

test('a filled form becomes a save request in UTC with its zones parsed', () => {
  const r = toRequest(filled, 'fair27')
  expect(r.ok).toBe(true)
  if (!r.ok) return
  expect(r.request.id).toBe('fair27')
  expect(r.request.startsAt).toBe(Date.UTC(2027, 0, 1, 1))
  expect(r.request.zones).toEqual([
    { id: 'A', name: '匠心特产集' },
    { id: 'B', name: '巧手工艺廊' },
  ])
  expect(r.request.signUp).toEqual({ required: false, capacity: null, closesAt: null })
  expect(r.request.stampRules.cooldownSeconds).toBe(20)
  expect('id' in (toRequest(filled) as { request: object }).request).toBe(false)
  // 主办 (issue 20): a new event names its owner, an edit keeps its own
  expect((toRequest(filled) as { request: object }).request).toMatchObject({ unionId: 'u-qinhuai' })
  expect('unionId' in r.request).toBe(false)
})

test('each mistake points at its field', () => {
  expect(toRequest({ ...filled, title: ' ' })).toMatchObject({ ok: false, field: 'title' })
  expect(toRequest({ ...filled, venueName: '' })).toMatchObject({ ok: false, field: 'venueName' })
  expect(toRequest({ ...filled, city: '' })).toMatchObject({ ok: false, field: 'city' })
  expect(toRequest({ ...filled, startsAt: '明天' })).toMatchObject({ ok: false, field: 'startsAt' })
  expect(toRequest({ ...filled, endsAt: '2027-01-01 08:00' })).toMatchObject({ ok: false, field: 'endsAt' })
  expect(toRequest({ ...filled, zones: '匠 心:x' })).toMatchObject({ ok: false, field: 'zones' })
  expect(toRequest({ ...filled, capacity: '0' })).toMatchObject({ ok: false, field: 'capacity' })
  expect(toRequest({ ...filled, capacity: '-3' })).toMatchObject({ ok: false, field: 'capacity' })
  expect(toRequest({ ...filled, cooldownSeconds: '1.5' })).toMatchObject({ ok: false, field: 'cooldownSeconds' })
})

test('a server field maps to the input it came from, or to none', () => {
  expect(formFieldOf('venue.city')).toBe('city')
  expect(formFieldOf('signUp.capacity')).toBe('capacity')
  expect(formFieldOf('zones.1.id')).toBe('zones')
  expect(formFieldOf('title')).toBe('title')
  expect(formFieldOf('requestId')).toBeNull()
  expect(formFieldOf(undefined)).toBeNull()
})
