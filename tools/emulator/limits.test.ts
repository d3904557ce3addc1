import { Limiter } from './limits'
import { limitsFromEnv, PLANS } from './plans'

const get = { action: 'database.getDocument', collectionName: 'c', query: '{"_id":"a"}' }
const put = { action: 'database.modifyDocument', collectionName: 'c', query: '{"_id":"a"}' }

test('a plan comes from EMULATOR_PLAN, explicit figures override it, nothing asked: no limits', () => {
  expect(limitsFromEnv({})).toBeUndefined()
  expect(limitsFromEnv({ EMULATOR_PLAN: 'basic' })).toMatchObject({ dbQps: 30, dbConnections: 20, functionConcurrency: 20 })
  expect(limitsFromEnv({ EMULATOR_PLAN: 'basic', EMULATOR_DB_QPS: '5' })).toMatchObject({ dbQps: 5, dbConnections: 20 })
  expect(limitsFromEnv({ EMULATOR_DOC_WRITE_MS: '3' })).toEqual({ docWriteMs: 3 })
  expect(() => limitsFromEnv({ EMULATOR_PLAN: 'gold' })).toThrow(/basic/)
  expect(PLANS.basic.verified).toBe(true)
})

test('the day quota ends at midnight in Shanghai, not UTC', () => {
  let now = Date.UTC(2027, 2, 8, 15, 59, 0) // 23:59 in Shanghai
  const l = new Limiter({ writesPerDay: 1 }, () => now)
  l.admit(put).release()
  expect(l.admit(put).refused?.code).toBe('EXCEED_REQUEST_LIMIT')
  expect(l.admit(get).refused).toBeUndefined() // reads are counted apart
  now += 2 * 60_000 // 00:01 the next day
  expect(l.admit(put).refused).toBeUndefined()
})

test('connections are freed when the reply is sent; the QPS window slides', () => {
  let now = 1_000_000
  const l = new Limiter({ dbConnections: 1, dbQps: 2 }, () => now)
  const a = l.admit(get)
  expect(l.admit(get).refused?.code).toBe('EXCEED_CONCURRENT_REQUEST_LIMIT')
  a.release()
  l.admit(get).release()
  expect(l.admit(get).refused?.code).toBe('EXCEED_RATELIMIT')
  now += 1001
  expect(l.admit(get).refused).toBeUndefined()
  expect(l.snapshot().refused).toEqual({ rate: 1, connections: 1, reads: 0, writes: 0 })
})

test('writes that change one document take turns; one that changes nothing does not wait', () => {
  const now = 5_000
  const l = new Limiter({ docWriteMs: 10 }, () => now)
  expect(l.afterWrite(put, { data: { updated: 1 } })).toBe(10)
  expect(l.afterWrite(put, { data: { updated: 1 } })).toBe(20)
  expect(l.afterWrite(put, { data: { updated: 0 } })).toBe(0)
  expect(l.afterWrite({ ...put, query: '{"_id":"b"}' }, { data: { updated: 1 } })).toBe(10)
})
