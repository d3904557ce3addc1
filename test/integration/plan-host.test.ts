import type { FunctionMain } from '../../tools/host/functions'
import { configuredTimeouts, functionPool, PlatformRefusal } from '../../tools/host/instances'
import { startHost } from '../../tools/host/server'

/**
 * The host keeps CloudBase's instance rules when asked (issue 17 §1–2): a function's concurrent
 * requests, its timeout from cloudbaserc.json, one request per instance (`cold`, `warm`).
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** An instance that remembers how many calls it served (module state, as a cache would be). */
function counting(delayMs = 0): { load: () => FunctionMain; loads: () => number } {
  let loads = 0
  return {
    loads: () => loads,
    load: () => {
      loads++
      let served = 0
      return async () => {
        served++
        await sleep(delayMs)
        return { ok: true, data: { served } }
      }
    },
  }
}

it('past its concurrency a function call is refused as CloudBase refuses it; the others run', async () => {
  const c = counting(150)
  const pool = functionPool({ mode: 'warm', concurrency: 2, load: c.load })
  const results = await Promise.allSettled(Array.from({ length: 5 }, () => pool.call({}, {})))
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2)
  const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as PlatformRefusal)
  expect(refused.map((e) => [e.status, e.code, e.errCode])).toEqual(Array(3).fill([429, 'EXCEED_CONCURRENT_REQUEST_LIMIT', -501004]))
  expect(pool.stats()).toMatchObject({ calls: 2, refused: 3, instances: 2 })
})

it('warm: one call at a time per instance, reused; cold: a fresh instance every call', async () => {
  const warm = counting(30)
  const wp = functionPool({ mode: 'warm', load: warm.load })
  const serial: unknown[] = []
  for (let i = 0; i < 3; i++) serial.push(await wp.call({}, {}))
  expect(serial).toEqual([1, 2, 3].map((served) => ({ ok: true, data: { served } })))
  const together = (await Promise.all([wp.call({}, {}), wp.call({}, {})])) as { data: { served: number } }[]
  expect(together.map((r) => r.data.served).sort()).toEqual([1, 4]) // the idle one, and a new one beside it
  const cold = counting()
  const cp = functionPool({ mode: 'cold', load: cold.load })
  for (let i = 0; i < 3; i++) expect(await cp.call({}, {})).toEqual({ ok: true, data: { served: 1 } })
  expect(cold.loads()).toBe(3)
})

it('a call still running at its timeout is answered as timed out, and its instance is not used again', async () => {
  const c = counting(300)
  const pool = functionPool({ mode: 'warm', timeoutMs: 100, load: c.load })
  await expect(pool.call({}, {})).rejects.toMatchObject({
    status: 504,
    errCode: -504003,
    message: 'Invoking task timed out after 0.1 seconds',
  })
  await expect(pool.call({}, {})).rejects.toBeInstanceOf(PlatformRefusal)
  expect(c.loads()).toBe(2)
  expect(pool.stats().timedOut).toBe(2)
})

it('the host answers both over HTTP (429, 504), reads timeouts from cloudbaserc.json', async () => {
  expect(configuredTimeouts().get('screening')).toBe(10_000)
  const slow: FunctionMain = async () => (await sleep(300), { ok: true, data: null })
  const host = await startHost({
    production: false,
    functions: new Map([['slow', slow]]),
    instances: { concurrency: 1, timeouts: new Map([['slow', 100]]) },
  })
  try {
    const post = () =>
      fetch(`${host.url}/fn/slow`, { method: 'POST', body: '{"action":"x"}' }).then(async (r) => [r.status, await r.json()])
    const [a, b] = await Promise.all([post(), post()])
    expect([a, b].map((x) => x[0]).sort()).toEqual([429, 504])
    expect([a, b].find((x) => x[0] === 429)![1]).toMatchObject({ code: 'EXCEED_CONCURRENT_REQUEST_LIMIT', errCode: -501004 })
  } finally {
    await host.stop()
  }
})
