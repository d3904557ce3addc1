import { openFreshPage, sleep, type FakeBackend } from './support/weapp-harness'

// Booting the compiled app in the simulator takes seconds on a busy machine.
jest.setTimeout(30_000)

const ROUTE = 'packages/events/pages/edit/index'
const tier = {
  id: 't10',
  eventId: 'fair27',
  name: '集满10枚',
  gift: '关公贴文创礼包',
  rule: { minTotal: 10, minPerZone: 0 },
  stock: 50,
  left: 7,
  redeemed: 43,
}
const T0 = Date.UTC(2027, 0, 1, 1)
let ev: any = {
  id: 'fair27',
  kind: 'fair',
  title: '跟着劳模赶大集',
  description: '',
  organiser: '秦淮区总工会',
  unionId: 'u-qinhuai',
  venue: { name: '中庭', address: '', city: '南京市' },
  startsAt: T0,
  endsAt: T0 + 36e5,
  zones: [{ id: 'A', name: '匠心特产集' }],
  signUp: { required: false, capacity: null, closesAt: null },
  stampRules: { cooldownSeconds: 0 },
  phase: 'ongoing',
  booths: [{ id: 'b1', eventId: 'fair27', zoneId: 'A', name: '平陆猕猴桃', exhibitor: '平陆县总工会', codeVersion: 0 }],
  tiers: [tier],
  checkpoints: [{ id: 'p1', eventId: 'fair27', name: '入场', opensAt: T0, closesAt: T0 + 36e5, order: 0 }],
}
const calls: any[] = []
/** 陈红's subtree (issue 20): 主办单位 defaults to her own node. */
const unions = {
  own: { unionId: 'u-qinhuai', name: '秦淮区总工会', level: 'district', all: false },
  unions: [
    { id: 'u-qinhuai', name: '秦淮区总工会', parentId: 'u-nanjing', level: 'district', path: ['u-nanjing', 'u-qinhuai'] },
    { id: 'u-qh-meituan', name: '美团外卖秦淮站点工会', parentId: 'u-qinhuai', level: 'grassroots', path: [] },
  ].map((u) => ({ ...u, members: 0, officers: 0, canEdit: true })),
}
const backend: FakeBackend = (_n, body: any) => {
  calls.push(body)
  if (body.action === 'listUnions') return { ok: true, data: unions }
  if (body.action === 'saveEvent' || body.action === 'manageEvent') return { ok: true, data: ev }
  if (body.action === 'saveTier') {
    if (body.data.stock === 45) return { ok: false, code: 'INVALID_ARGUMENT', message: '', field: 'stock' }
    ev = { ...ev, tiers: [{ ...tier, ...body.data, left: body.data.stock - 43 }] }
    return { ok: true, data: ev.tiers[0] }
  }
  return { ok: false, code: 'UNKNOWN_ACTION', message: '' }
}
async function until(check: () => boolean) {
  for (let w = 0; w < 10_000 && !check(); w += 20) await sleep(20)
}

/** The compiled officer edit page: an existing tier is edited in place, with local and server checks. */
test('tap a tier → prefilled → local and server errors → save; a bad booth zone is caught', async () => {
  const { page: p } = openFreshPage(ROUTE, backend)
  const page = p
  await until(() => !!page.querySelector('#form-title'))
  const type = async (id: string, v: string) => {
    page.querySelector(id).dispatchEvent('input', { detail: { value: v } })
    await sleep(20)
  }
  await type('#form-title', '跟着劳模赶大集')
  await type('#form-venueName', '中庭')
  await type('#form-city', '南京市')
  await type('#form-startsAt', '2027-01-01 09:00')
  await type('#form-endsAt', '2027-01-01 10:00')
  await type('#form-zones', 'A:匠心特产集')
  await until(() => String(page.querySelector('#form-unionId').dom.textContent).includes('秦淮区总工会'))
  page.querySelector('#form-save').dispatchEvent('tap')
  await until(() => !!page.querySelector('#tiers-row-t10'))
  // a new event names its owner: her own node, chosen for her
  expect(calls.find((c) => c.action === 'saveEvent').data).toMatchObject({ unionId: 'u-qinhuai' })
  page.querySelector('#tiers-row-t10').dispatchEvent('tap')
  await until(() => !!page.querySelector('#tiers-edit-stock'))
  await type('#tiers-edit-stock', '40')
  page.querySelector('#tiers-edit-save').dispatchEvent('tap')
  await until(() => String(page.querySelector('#tiers').dom.textContent).includes('库存不能少于此数'))
  expect(page.querySelector('#tiers').dom.textContent).toContain('库存不能少于此数')
  expect(calls.filter((c) => c.action === 'saveTier')).toHaveLength(0)
  await type('#tiers-edit-stock', '45')
  page.querySelector('#tiers-edit-save').dispatchEvent('tap')
  await until(() => calls.filter((c) => c.action === 'saveTier').length === 1)
  await sleep(100)
  expect(calls.filter((c) => c.action === 'saveTier')).toHaveLength(1)
  expect(page.querySelector('#tiers').dom.textContent).not.toContain('剩2/45')
  await type('#tiers-edit-stock', '60')
  page.querySelector('#tiers-edit-save').dispatchEvent('tap')
  await sleep(300)
  await until(() => String(page.querySelector('#tiers').dom.textContent).includes('17/60'))
  expect(page.querySelector('#tiers').dom.textContent).toContain('17/60')
  expect(calls.filter((c) => c.action === 'saveTier').map((c) => c.data)).toContainEqual(expect.objectContaining({ id: 't10', stock: 60 }))
  page.querySelector('#booths-row-b1').dispatchEvent('tap')
  await until(() => !!page.querySelector('#booths-edit-zoneId'))
  await type('#booths-edit-zoneId', 'C')
  page.querySelector('#booths-edit-save').dispatchEvent('tap')
  await until(() => String(page.querySelector('#booths').dom.textContent).includes('分区编号须为'))
  expect(page.querySelector('#booths').dom.textContent).toContain('分区编号须为 A 之一')
  expect(calls.some((c) => c.action === 'saveBooth')).toBe(false)
})
