import { backoffMs, MAX_ATTEMPTS, outcomeOf } from './notices.delivery'
import type { OutboxDoc } from './notices.repository'

const doc = (attempts: number) => ({ attempts }) as OutboxDoc
const busy = { ok: false as const, errcode: -1, errmsg: 'system error', transient: true }

it('records WeChat`s answer: delivered, refused for good (43101 未送达：用户未订阅), busy → queued again with backoff', () => {
  expect(outcomeOf({ ok: true, msgid: 'm1' }, doc(0), 5)).toMatchObject({ state: 'delivered', attempts: 1, msgid: 'm1', deliveredAt: 5 })
  expect(outcomeOf({ ok: false, errcode: 43101, errmsg: 'user refuse', transient: false }, doc(0), 5)).toMatchObject({
    state: 'refused',
    errcode: 43101,
    reason: '未送达：用户未订阅',
  })
  const retry = outcomeOf(busy, doc(1), 1_000_000)
  expect(retry).toMatchObject({ state: 'queued', attempts: 2, errcode: -1 })
  expect(retry.dueAt! - 1_000_000).toBeGreaterThanOrEqual(0.8 * 120_000)
})

it('gives up after the last attempt: failed, never asked again', () => {
  expect(outcomeOf(busy, doc(MAX_ATTEMPTS - 1), 0)).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS })
})

it('backs off exponentially, with jitter of ±20 %', () => {
  expect([1, 2, 3, 4].map((n) => backoffMs(n, () => 0.5))).toEqual([60_000, 120_000, 240_000, 480_000])
  expect(backoffMs(1, () => 0)).toBe(48_000)
  expect(backoffMs(1, () => 1)).toBe(72_000)
})
