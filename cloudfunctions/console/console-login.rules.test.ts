import { consoleAccess, deviceLabel, pairNumber } from './console-login.rules'

test('officers and merchant managers may sign in; members, cashiers, nurses and event staff are told why not', () => {
  expect(consoleAccess([{ role: 'officer' }])).toEqual({ ok: true, kind: 'officer' })
  expect(consoleAccess([{ role: 'staff', scope: { kind: 'merchant', id: 'm1-mgr', name: '店' } }])).toEqual({ ok: true, kind: 'manager' })
  const reasons = [
    consoleAccess([]),
    consoleAccess([{ role: 'staff', scope: { kind: 'merchant', id: 'm1', name: '店' } }]),
    consoleAccess([{ role: 'staff', scope: { kind: 'site', id: 's1', name: '点' } }]),
    consoleAccess([{ role: 'staff', scope: { kind: 'event', id: 'e1', name: '活动' } }]),
  ].map((a) => (a.ok ? '' : a.reason))
  expect(reasons[0]).toMatch(/^会员不能登录控制台/)
  expect(reasons[1]).toMatch(/^商户核销员不能登录控制台/)
  expect(reasons[2]).toMatch(/^筛查点工作人员不能登录控制台/)
  expect(reasons[3]).toMatch(/^活动工作人员不能登录控制台/)
})

test('a device label is short and printable; the pair number always has two digits', () => {
  expect(deviceLabel('Chrome · Windows<script>')).toBe('Chrome · Windowsscript')
  expect(deviceLabel('x'.repeat(100))).toHaveLength(40)
  expect(deviceLabel(undefined)).toBeNull()
  expect(pairNumber(() => 0)).toBe('10')
  expect(pairNumber(() => 0.9999)).toBe('99')
})
