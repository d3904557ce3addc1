import type { GiftTierDTO, TierProgressDTO } from '~types/events'
import { cooldownText, progressPercent, progressText, tierAction } from './stamp-view'

const tier: GiftTierDTO = {
  id: 't10',
  eventId: 'fair',
  name: '集满10枚',
  gift: '关公贴',
  rule: { minTotal: 10, minPerZone: 0 },
  stock: 50,
  left: 3,
  redeemed: 47,
}
const progress = (over: Partial<TierProgressDTO>): TierProgressDTO => ({ tier, qualified: true, missing: '', redeemed: null, ...over })

test('progress reads as stamped / booths and as a bounded percentage', () => {
  expect(progressText({ total: 12, boothCount: 50 })).toBe('12 / 50')
  expect(progressPercent(12, 50)).toBe(24)
  expect(progressPercent(3, 0)).toBe(0)
  expect(progressPercent(60, 50)).toBe(100)
})

test('the cooldown is shown in whole seconds only while it runs', () => {
  expect(cooldownText(null, 1000)).toBe('')
  expect(cooldownText(1000, 1000)).toBe('')
  expect(cooldownText(10_500, 1000)).toBe('请在 10 秒后扫下一个展位')
})

test('a tier offers its code only when qualified, in stock and not yet redeemed', () => {
  expect(tierAction(progress({}))).toEqual({ kind: 'open', text: '出示兑换码' })
  expect(tierAction(progress({ qualified: false, missing: '还差3枚' }))).toEqual({ kind: 'locked', text: '还差3枚' })
  expect(tierAction(progress({ tier: { ...tier, left: 0 } })).kind).toBe('gone')
  // 10:42 Beijing
  expect(tierAction(progress({ redeemed: { redeemedAt: Date.UTC(2027, 0, 1, 2, 42), desk: '2号兑换台' } }))).toEqual({
    kind: 'redeemed',
    text: '已兑换 10:42 · 2号兑换台',
  })
})
