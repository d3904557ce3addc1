import type { DirectoryDTO, DirectoryEntryDTO } from '~types/matchmaking'
import { openFreshPage, sleep, type FakeBackend } from './support/weapp-harness'

/** The compiled pick page in miniprogram-simulate renders the frozen directory's badge numbers (issue #10). */
const ROUTE = 'packages/matchmaking/pages/pick/index'
const entry = (badge: number, nickname: string, gender: 'M' | 'F'): DirectoryEntryDTO => ({
  badge,
  nickname,
  gender,
  birthYear: 1996,
  sector: '企业',
  intro: '喜欢爬山',
  publicKey: 'A'.repeat(43) + '=',
})
const dir: DirectoryDTO = {
  mixerId: 'mixer-qixi-shanyang',
  frozenAt: 0,
  k: 3,
  pickClosesAt: Date.UTC(2027, 7, 19, 13),
  me: entry(12, '浩子', 'M'),
  others: [entry(27, '小雨', 'F'), entry(31, '向日葵', 'F'), entry(104, '晚风', 'F')],
  submittedAt: null,
}

test('the pick page shows my badge, K and every badge of the other group', async () => {
  const asked: unknown[] = []
  const backend: FakeBackend = (_name, body) => {
    asked.push(body.data)
    return body.action === 'directory' ? { ok: true, data: dir } : { ok: false, code: 'UNKNOWN_ACTION', message: '' }
  }
  const { page, log } = openFreshPage(ROUTE, backend, { id: dir.mixerId })
  for (let waited = 0; waited < 3000 && !page.querySelector('#directory'); waited += 20) await sleep(20)
  const text = page.querySelector('#directory').dom.textContent ?? ''
  for (const e of dir.others) {
    expect(text).toContain(`${e.badge}号`)
    expect(text).toContain(e.nickname)
  }
  expect(page.dom.textContent).toContain('我是 12号 · 最多选 3 位')
  expect(log.calls.map((c) => c.action)).toEqual(['directory'])
  expect(asked).toEqual([{ mixerId: dir.mixerId }])
})
