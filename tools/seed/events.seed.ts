/**
 * Demo data of 集章打卡 · 活动签到 (issue 3): the "跟着劳模赶大集" New Year fair
 * (50 booths in 匠心特产集 / 巧手工艺廊, gift tiers with stock), the 新年登高 5 km walk
 * for 600 with start and summit checkpoints, and the upcoming Nanjing 工匠工坊 fair.
 * The fair and the walk start at 00:00 today (Shanghai) and last two days, so the demo
 * works any day; re-seeding after they ended moves them to today again.
 * Idempotent: deterministic ids, only what is missing is inserted.
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { Db } from '../../cloudfunctions/common/db'
import { insertOnce } from '../../cloudfunctions/events/activity.repository'
import { insertEvent, insertTier, putBooth, putCheckpoint, type EventRec } from '../../cloudfunctions/events/catalog.repository'
import { shanghai } from '../../cloudfunctions/common/time'

const DAY = 24 * 3600_000
export const FAIR_ID = 'event-fair-2027'
export const WALK_ID = 'event-walk-2027'
export const NANJING_ID = 'event-nj-craft'

const SPECIALTIES = [
  '平陆猕猴桃', '闻喜煮饼', '薛公滩黄河大闸蟹', '临猗苹果', '临猗石榴', '万荣苹果', '稷山板枣', '稷山麻花', '芮城麻片', '永济牛肉饼',
  '新绛羊汤', '绛县山楂', '垣曲猴头菇', '夏县西瓜', '河津黄河鲤鱼', '盐湖卤肉', '闻喜花馍', '芮城花椒', '平陆小米', '永济柿饼',
  '解州羊肉泡馍', '垣曲核桃', '闻喜酱肉', '绛县连翘茶', '万荣黄河滩枣',
]
const CRAFTS = [
  '绛州澄泥砚', '稷山螺钿漆器', '剪纸刺绣', '新绛云雕', '绛州木版年画', '芮城布老虎', '永济麦秆画', '河津琉璃', '平陆核雕', '临猗面塑',
  '万荣泥塑', '绛州鼓乐鼓具', '夏县竹编', '运城剪纸', '稷山花鼓道具', '盐湖葫芦烙画', '永乐宫壁画临摹', '新绛刺绣', '垣曲根雕', '绛县千层底布鞋',
  '闻喜草编', '关公文创', '河东皮影', '运城木雕', '马年生肖剪纸',
]

/** 00:00 today in Shanghai, as UTC ms. */
function shanghaiMidnight(now: number): number {
  const [h, m, s] = shanghai(now, 'HH:mm:ss').split(':').map(Number)
  return now - ((h * 60 + m) * 60 + s) * 1000 - (now % 1000)
}

function events(start: number): EventRec[] {
  const base = { description: '', signedUp: 0 }
  return [
    {
      ...base, id: FAIR_ID, kind: 'fair', title: '跟着劳模赶大集', organiser: '运城市总工会',
      description: '元旦两天，50个展位：匠心特产集、巧手工艺廊。扫展位码集章，集满到兑换台领关公贴、马年春节文创礼品，送完即止。',
      venue: { name: '万达广场一层中庭', address: '运城市盐湖区河东东街万达广场', city: '运城市' },
      startsAt: start, endsAt: start + 2 * DAY, zones: [{ id: 'A', name: '匠心特产集' }, { id: 'B', name: '巧手工艺廊' }],
      signUp: { required: false, capacity: null, closesAt: null }, stampRules: { cooldownSeconds: 20 }, seatsLeft: null,
    },
    {
      ...base, id: WALK_ID, kind: 'activity', title: '新年登高 · 5公里健步走', organiser: '稷山县总工会',
      description: '600名职工新年登高，起点、山顶两次签到。请先报名，凭“我的签到码”签到。',
      venue: { name: '稷王山景区南门', address: '稷山县稷王山景区', city: '运城市' },
      startsAt: start, endsAt: start + 2 * DAY, zones: [],
      signUp: { required: true, capacity: 600, closesAt: null }, stampRules: { cooldownSeconds: 0 }, seatsLeft: 600,
    },
    {
      ...base, id: NANJING_ID, kind: 'fair', title: '工匠工坊市集', organiser: '南京市总工会',
      description: '近万名职工逛工匠工坊：非遗手作体验、劳模工匠面对面。',
      venue: { name: '南京国际博览中心', address: '南京市建邺区江东中路', city: '南京市' },
      startsAt: start + 10 * DAY, endsAt: start + 12 * DAY, zones: [{ id: 'A', name: '工匠手作' }],
      signUp: { required: false, capacity: null, closesAt: null }, stampRules: { cooldownSeconds: 20 }, seatsLeft: null,
    },
  ]
}

async function upsertEvent(db: Db, e: EventRec, now: number): Promise<void> {
  const existing = (await db.collection(COLLECTIONS.events).doc(e.id).get()).data[0]
  if (!existing) return insertEvent(db, e, now)
  // Keep an ended demo running: move its dates (and its checkpoints', below) to today.
  const _ = db.command
  await db.collection(COLLECTIONS.events).where({ _id: e.id, endsAt: _.lte(now) }).update({ startsAt: e.startsAt, endsAt: e.endsAt })
}

export async function seedEvents(db: Db, now: number): Promise<void> {
  const start = shanghaiMidnight(now)
  for (const e of events(start)) await upsertEvent(db, e, now)
  const booths = [...SPECIALTIES.map((n) => ['A', n]), ...CRAFTS.map((n) => ['B', n])]
  for (const [i, [zoneId, name]] of booths.entries()) {
    const id = `fair${zoneId}${String(i % 25 + 1).padStart(2, '0')}`
    const exists = (await db.collection(COLLECTIONS.eventBooths).doc(id).get()).data.length > 0
    if (!exists) await putBooth(db, { id, eventId: FAIR_ID, zoneId, name, exhibitor: `${name.slice(0, 2)}劳模创新工作室`, codeVersion: 0, order: i }, now)
  }
  const tiers = [
    { id: 'fairT10', name: '集满10枚', gift: '关公贴文创礼包', rule: { minTotal: 10, minPerZone: 0 }, stock: 300, order: 0 },
    { id: 'fairT55', name: '两区各5枚', gift: '马年春节文创礼盒', rule: { minTotal: 10, minPerZone: 5 }, stock: 120, order: 1 },
  ]
  for (const t of tiers) {
    if ((await db.collection(COLLECTIONS.eventTiers).doc(t.id).get()).data.length === 0) await insertTier(db, { ...t, eventId: FAIR_ID, left: t.stock }, now)
  }
  const checkpoints = [
    { id: 'fairIn', eventId: FAIR_ID, name: '入场', order: 0 },
    { id: 'walkS', eventId: WALK_ID, name: '起点', order: 0 },
    { id: 'walkM', eventId: WALK_ID, name: '山顶', order: 1 },
  ]
  for (const c of checkpoints) {
    const e = (await db.collection(COLLECTIONS.events).doc(c.eventId).get()).data[0] as EventRec
    await putCheckpoint(db, { ...c, opensAt: e.startsAt, closesAt: e.endsAt }, now)
  }
  await seedActivity(db, now)
}

/** Demo members already on their way: sign-ups for the walk, a half-full and a full stamp card. */
async function seedActivity(db: Db, now: number): Promise<void> {
  const _ = db.command
  for (const openid of ['demo-member', 'demo-model-worker', 'demo-rider']) {
    const id = `${WALK_ID}:${openid}`
    if (await insertOnce(db, COLLECTIONS.eventSignups, id, { eventId: WALK_ID, openid, state: 'confirmed', pendingAt: now, signedUpAt: now })) {
      await db.collection(COLLECTIONS.events).doc(WALK_ID).update({ signedUp: _.inc(1), seatsLeft: _.inc(-1) })
    }
  }
  const cards: [string, string[]][] = [
    ['demo-member', ['fairA01', 'fairA02', 'fairB01']],
    ['demo-model-worker', ['fairA01', 'fairA02', 'fairA03', 'fairA04', 'fairA05', 'fairB01', 'fairB02', 'fairB03', 'fairB04', 'fairB05']],
  ]
  for (const [openid, boothIds] of cards) {
    for (const [i, boothId] of boothIds.entries()) {
      const stampedAt = now - (boothIds.length - i) * 5 * 60_000
      await insertOnce(db, COLLECTIONS.eventStamps, `${FAIR_ID}:${boothId}:${openid}`, { eventId: FAIR_ID, boothId, zoneId: boothId[4], openid, stampedAt })
    }
    await insertOnce(db, COLLECTIONS.eventStampCards, `${FAIR_ID}:${openid}`, { eventId: FAIR_ID, openid, lastStampAt: now - 5 * 60_000 })
  }
}
