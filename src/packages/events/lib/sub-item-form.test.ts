import type { BoothDTO, CheckpointDTO, GiftTierDTO } from '~types/events'
import {
  boothFields,
  boothRequest,
  boothValues,
  CHECKPOINT_FIELDS,
  checkpointRequest,
  checkpointValues,
  serverError,
  TIER_FIELDS,
  tierRequest,
  tierValues,
} from './sub-item-form'

const zones = [
  { id: 'A', name: '匠心特产集' },
  { id: 'B', name: '巧手工艺廊' },
]
const booth: BoothDTO = { id: 'fairA01', eventId: 'ev', zoneId: 'A', name: '平陆猕猴桃', exhibitor: '平陆县总工会' }
const tier: GiftTierDTO = {
  id: 'fairT10',
  eventId: 'ev',
  name: '集满10枚',
  gift: '关公贴',
  rule: { minTotal: 10, minPerZone: 0 },
  stock: 300,
  left: 280,
  redeemed: 20,
}
const cp: CheckpointDTO = {
  id: 'walkS',
  eventId: 'ev',
  name: '起点',
  opensAt: Date.UTC(2027, 0, 1, 0, 0),
  closesAt: Date.UTC(2027, 0, 1, 4, 0),
  order: 0,
}

test('a saved booth prefills its form and saves back unchanged, with its id', () => {
  expect(boothRequest(boothValues(booth), 'ev', zones, booth.id)).toEqual({
    ok: true,
    request: { eventId: 'ev', id: 'fairA01', zoneId: 'A', name: '平陆猕猴桃', exhibitor: '平陆县总工会' },
  })
  const added = boothRequest({ zoneId: ' B ', name: ' 剪纸刺绣 ', exhibitor: '' }, 'ev', zones)
  expect(added).toEqual({ ok: true, request: { eventId: 'ev', zoneId: 'B', name: '剪纸刺绣', exhibitor: '' } })
})

test('booth mistakes point at their field in Chinese', () => {
  expect(boothRequest({ ...boothValues(booth), zoneId: 'C' }, 'ev', zones)).toEqual({
    ok: false,
    field: 'zoneId',
    message: '分区编号须为 A / B 之一',
  })
  expect(boothRequest({ ...boothValues(booth), name: '  ' }, 'ev', zones)).toMatchObject({
    ok: false,
    field: 'name',
    message: '请填写展位名称',
  })
  expect(boothRequest(boothValues(booth), 'ev', [])).toMatchObject({ ok: false, field: 'zoneId' })
  expect(boothFields(zones)[0].label).toContain('A=匠心特产集')
})

test('a tier edit keeps its id, parses numbers and may not drop stock below gifts given', () => {
  const r = tierRequest({ ...tierValues(tier), stock: '350' }, 'ev', tier)
  expect(r).toEqual({
    ok: true,
    request: { eventId: 'ev', id: 'fairT10', name: '集满10枚', gift: '关公贴', rule: { minTotal: 10, minPerZone: 0 }, stock: 350 },
  })
  expect(tierRequest({ ...tierValues(tier), stock: '20' }, 'ev', tier).ok).toBe(true)
  expect(tierRequest({ ...tierValues(tier), stock: '19' }, 'ev', tier)).toEqual({
    ok: false,
    field: 'stock',
    message: '已兑换 20 份，库存不能少于此数',
  })
  expect(tierRequest({ ...tierValues(tier), stock: '-1' }, 'ev', tier)).toMatchObject({ ok: false, field: 'stock' })
  expect(tierRequest({ ...tierValues(tier), minTotal: '1.5' }, 'ev', tier)).toMatchObject({ ok: false, field: 'minTotal' })
  expect(tierRequest({ ...tierValues(tier), gift: '' }, 'ev', tier)).toMatchObject({ ok: false, field: 'gift', message: '请填写礼品' })
  const fresh = tierRequest({ name: '两区各5枚', gift: '马年礼盒', minTotal: '10', minPerZone: '', stock: '0' }, 'ev')
  expect(fresh).toMatchObject({ ok: true, request: { rule: { minTotal: 10, minPerZone: 0 }, stock: 0 } })
  expect('id' in (fresh as { request: object }).request).toBe(false)
})

test('a checkpoint prefills in Beijing time and its window must be forward', () => {
  expect(checkpointValues(cp)).toEqual({ name: '起点', opensAt: '2027-01-01 08:00', closesAt: '2027-01-01 12:00' })
  expect(checkpointRequest(checkpointValues(cp), 'ev', 'walkS')).toEqual({
    ok: true,
    request: { eventId: 'ev', id: 'walkS', name: '起点', opensAt: cp.opensAt, closesAt: cp.closesAt },
  })
  expect(checkpointRequest({ ...checkpointValues(cp), closesAt: '2027-01-01 08:00' }, 'ev')).toEqual({
    ok: false,
    field: 'closesAt',
    message: '关闭时间须晚于开放时间',
  })
  expect(checkpointRequest({ ...checkpointValues(cp), opensAt: '明天早上' }, 'ev')).toMatchObject({ ok: false, field: 'opensAt' })
})

test('a server refusal lands under the input it names, or below the form', () => {
  expect(serverError('stock', '提交的信息有误', TIER_FIELDS)).toEqual({
    field: 'stock',
    message: '库存不能少于已兑换（含正在兑换）的礼品数，请刷新后查看',
  })
  expect(serverError('rule.minPerZone', '提交的信息有误', TIER_FIELDS)).toEqual({ field: 'minPerZone', message: '提交的信息有误' })
  expect(serverError('id', '未找到', CHECKPOINT_FIELDS)).toEqual({ message: '未找到' })
  expect(serverError(undefined, '数据已被他人修改', TIER_FIELDS)).toEqual({ message: '数据已被他人修改' })
})
