import type { MixerDTO, StaffCheckInResultDTO, StaffMixerDTO } from '~types/matchmaking'
import { openFreshPage, sleep, type FakeBackend } from './support/weapp-harness'

/** The compiled check-in desk: a typed code (the camera's fallback) → the badge number to write, and a repeat scan says when. */
const ROUTE = 'packages/matchmaking/pages/station/index'
const mixer = { id: 'mixer-qixi-shanyang', title: '七夕 · 会聚良缘 单身青年联谊会（第九届）' } as MixerDTO

async function until(check: () => boolean) {
  for (let waited = 0; waited < 5000 && !check(); waited += 20) await sleep(20)
}

test('a typed code gives the badge number; a repeat scan answers 已签到 HH:mm · N号', async () => {
  let scans = 0
  const answer = (already: boolean): StaffCheckInResultDTO => ({
    badge: 27,
    nickname: '小雨',
    gender: 'F',
    checkedInAt: Date.UTC(2027, 7, 19, 11, 5),
    alreadyCheckedIn: already,
    message: `${already ? '已签到' : '签到成功'} 19:05 · 27号`,
  })
  const backend: FakeBackend = (_name, body) => {
    if (body.action === 'staffMixers') return { ok: true, data: [{ mixer, checkedIn: { M: 117, F: 118 } }] as StaffMixerDTO[] }
    if (body.action === 'checkIn') return { ok: true, data: answer(scans++ > 0) }
    return { ok: false, code: 'UNKNOWN_ACTION', message: '' }
  }
  const wechat = openFreshPage(ROUTE, backend, { id: mixer.id })
  const page = wechat.page
  await until(() => !!page.querySelector('#station-counts'))
  expect(page.querySelector('#station-counts').dom.textContent).toBe('已签到：男 117 · 女 118')
  for (const expected of ['签到成功 19:05 · 27号 · 小雨（女）', '已签到 19:05 · 27号 · 小雨（女）']) {
    page.querySelector('#station-input').dispatchEvent('input', { detail: { value: 'C1.token' } })
    await sleep(20)
    page.querySelector('#station-submit').dispatchEvent('tap')
    await until(() => page.querySelector('#station-result')?.dom.textContent === expected)
    expect(page.querySelector('#station-result').dom.textContent).toBe(expected)
    expect(page.querySelector('#station-badge').dom.textContent).toBe('27号')
  }
  expect(wechat.log.calls.filter((c) => c.action === 'checkIn')).toHaveLength(2)
})
