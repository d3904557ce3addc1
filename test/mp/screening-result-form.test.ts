import type { ResultDTO, StaffBookingRowDTO } from '~types/screening'
import { openFreshPage, sleep, type FakeBackend } from './support/weapp-harness'

/**
 * Defect 6 of issue 8: the nurse's result form has no default, sends nothing
 * before a confirmation naming the woman and the outcome, and a registered
 * result can be viewed and corrected at the desk.
 */
const SESSION_PAGE = 'packages/screening/pages/session/index'
async function until(done: () => boolean): Promise<void> {
  for (const deadline = Date.now() + 3000; !done() && Date.now() < deadline;) await sleep(10)
}

const row = (over: Partial<StaffBookingRowDTO>): StaffBookingRowDTO => ({
  bookingId: 'BK1',
  name: '王**',
  phone: '139****0456',
  status: 'checked_in',
  checkedInAt: Date.UTC(2027, 2, 9, 0, 10),
  resultReady: false,
  ...over,
})
const registered: ResultDTO = {
  bookingId: 'BK1',
  programmeId: 'lc-2027-spring',
  programmeName: '2027 春季两癌筛查',
  siteName: '市妇幼保健院',
  outcome: 'normal',
  outcomeLabel: '正常',
  note: '',
  readyAt: Date.UTC(2027, 2, 9, 2, 0),
}

function open(rows: StaffBookingRowDTO[]) {
  const sent: { action: string; data: unknown }[] = []
  const backend: FakeBackend = (_name, body) => {
    sent.push({ action: body.action, data: body.data })
    if (body.action === 'staffBookings') return { ok: true, data: rows }
    if (body.action === 'readResult') return { ok: true, data: registered }
    if (body.action === 'markResult') return { ok: true, data: { ...registered, outcome: 'recheck', outcomeLabel: '需复查' } }
    return { ok: false, code: 'INTERNAL', message: 'unexpected call' }
  }
  const w = openFreshPage(SESSION_PAGE, backend, { id: 'S1', title: encodeURIComponent('3月9日 07:00–09:00') })
  const text = () => String(w.page.dom.textContent)
  // Waits for the element first: on a busy machine a render can take longer than a fixed pause.
  const tap = async (id: string) => {
    await until(() => !!w.page.querySelector(`#${id}`))
    w.page.querySelector(`#${id}`).dispatchEvent('tap')
    await sleep(30)
  }
  const type = async (id: string, value: string) => {
    await until(() => !!w.page.querySelector(`#${id}`))
    const node = w.page.querySelector(`#${id}`) as unknown as { dispatchEvent(name: string, opts: unknown): void }
    node.dispatchEvent('input', { detail: { value } })
    await sleep(30)
  }
  return { ...w, sent, text, tap, type }
}
const marks = (w: ReturnType<typeof open>) => w.sent.filter((c) => c.action === 'markResult')

test('nothing is preselected: sending without a choice asks for one and sends nothing', async () => {
  const w = open([row({})])
  await until(() => w.text().includes('王**'))
  await w.tap('mark-result-BK1')
  expect(w.page.dom.querySelector('.sc-segment__item--on')).toBeNull()
  await w.tap('result-submit-BK1')
  await until(() => w.text().includes('请先选择筛查结果'))
  expect(w.text()).toContain('请先选择筛查结果')
  expect(marks(w)).toEqual([])
  expect(w.log.modals).toEqual([])
})

test('a confirmation names the woman and the outcome; cancelling sends nothing, confirming sends once', async () => {
  const w = open([row({})])
  await until(() => w.text().includes('王**'))
  await w.tap('mark-result-BK1')
  await w.tap('outcome-BK1-recheck')
  await w.type('result-note-BK1', '建议三个月后复查')
  w.log.confirmModals = false
  await w.tap('result-submit-BK1')
  await until(() => w.log.modals.length === 1)
  expect(w.log.modals[0].content).toContain('需复查')
  expect(w.log.modals[0].content).toContain('王**')
  expect(marks(w)).toEqual([])

  w.log.confirmModals = true
  await w.tap('result-submit-BK1')
  await until(() => marks(w).length === 1)
  expect(marks(w)[0].data).toEqual({ bookingId: 'BK1', outcome: 'recheck', note: '建议三个月后复查' })
})

test('a registered result can be viewed and corrected, with the change named in the confirmation', async () => {
  const w = open([row({ resultReady: true })])
  await until(() => w.text().includes('结果已登记'))
  await w.tap('mark-result-BK1')
  await w.tap('result-view-BK1')
  await until(() => w.text().includes('已登记：正常'))
  await w.tap('result-correct-BK1')
  await w.tap('outcome-BK1-recheck')
  await w.type('result-note-BK1', '请到院复查')
  await w.tap('result-submit-BK1')
  await until(() => marks(w).length === 1)
  expect(w.log.modals[0].content).toContain('由「正常」更正为「需复查」')
  expect(w.sent.map((c) => c.action)).toContain('readResult')
})
