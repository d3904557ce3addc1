/**
 * Demo data of 集章打卡 · 活动签到 (issue 3): the "跟着劳模赶大集" New Year fair
 * (50 booths in 匠心特产集 / 巧手工艺廊, gift tiers with stock; 南京市总工会's), 玄武区总工会's 新年登高
 * 5 km walk for 600 with start and summit checkpoints, and 秦淮区总工会's upcoming 工匠工坊 fair.
 * The fair and the walk start at 00:00 today (Shanghai) and last two days, so the demo
 * works any day; re-seeding after they ended moves them to today again.
 * Idempotent: deterministic ids, only what is missing is inserted.
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { Db } from '../../cloudfunctions/common/db'
import { insertOnce } from '../../cloudfunctions/common/db-errors'
import { type CatalogRepository, createCatalogRepository, type EventRec } from '../../cloudfunctions/events/catalog.repository'
import { shanghai } from '../../cloudfunctions/common/time'
import { audienceWithin } from '../../cloudfunctions/common/unions'
import { CITY_UNION_ID, unionDocs } from './union-structure'

const DAY = 24 * 3600_000
export const FAIR_ID = 'event-fair-2027'
export const WALK_ID = 'event-walk-2027'
export const NANJING_ID = 'event-nj-craft'

// One coherent place: the demo union is 南京市总工会 (issue 8 defect 16), so its fair, walk and booths are Nanjing's.
const SPECIALTIES = [
  '南京盐水鸭',
  '雨花茶',
  '桂花糖芋苗',
  '鸭血粉丝汤料',
  '六合猪头肉',
  '高淳螃蟹',
  '溧水草莓',
  '江浦豆腐',
  '八卦洲芦蒿',
  '汤山温泉蛋',
  '湖熟板鸭',
  '桠溪黄桃',
  '横溪西瓜',
  '竹镇土鸡',
  '老山野茶',
  '秦淮小笼包',
  '梅花糕',
  '赤豆元宵',
  '牛肉锅贴',
  '鸭油酥烧饼',
  '金陵桂花鸭',
  '六合龙袍蟹黄包',
  '溧水香肠',
  '高淳老鹅',
  '浦口酥糖',
]
const CRAFTS = [
  '南京云锦',
  '金陵刻经',
  '南京绒花',
  '秦淮灯彩',
  '金箔锻制',
  '南京剪纸',
  '雨花石雕',
  '南京板鸭制作',
  '金陵竹刻',
  '南京仿古木雕',
  '高淳羽扇',
  '六合农民画',
  '溧水傩面具',
  '南京布贴画',
  '金陵漆器',
  '南京风筝',
  '江宁织造体验',
  '南京泥人',
  '秦淮花灯扎制',
  '南京白局道具',
  '金陵折扇',
  '六合石雕',
  '江浦篾编',
  '高淳砖雕',
  '马年生肖剪纸',
]

/** Who runs it (issue 20): the union's name is the 主办; a district's event is for its own members. */
function ownedBy(unionId: string): Pick<EventRec, 'unionId' | 'unionPath' | 'organiser' | 'within'> {
  const u = unionDocs(0).find((d) => d._id === unionId)
  if (!u) throw new Error(`unknown union ${unionId}`)
  const owner = { unionId: u._id, unionPath: u.path, organiser: u.name }
  return { ...owner, within: audienceWithin(owner) }
}

/** 00:00 today in Shanghai, as UTC ms. */
function shanghaiMidnight(now: number): number {
  const [h, m, s] = shanghai(now, 'HH:mm:ss').split(':').map(Number)
  return now - ((h * 60 + m) * 60 + s) * 1000 - (now % 1000)
}

function events(start: number): EventRec[] {
  const base = { description: '', signedUp: 0 }
  return [
    {
      ...base,
      id: FAIR_ID,
      kind: 'fair',
      title: '跟着劳模赶大集',
      ...ownedBy(CITY_UNION_ID),
      description: '元旦两天，50个展位：匠心特产集、巧手工艺廊。扫展位码集章，集满到兑换台领云锦书签、马年春节文创礼品，送完即止。',
      venue: { name: '新街口德基广场一层中庭', address: '南京市玄武区中山路18号', city: '南京市' },
      startsAt: start,
      endsAt: start + 2 * DAY,
      zones: [
        { id: 'A', name: '匠心特产集' },
        { id: 'B', name: '巧手工艺廊' },
      ],
      signUp: { required: false, capacity: null, closesAt: null },
      stampRules: { cooldownSeconds: 20 },
      seatsLeft: null,
    },
    {
      ...base,
      id: WALK_ID,
      kind: 'activity',
      title: '新年登高 · 紫金山5公里健步走',
      ...ownedBy('u-xuanwu'),
      description: '玄武区600名职工新年登高，起点、山顶两次签到。请先报名，凭“我的签到码”签到。',
      venue: { name: '紫金山中山陵景区东门', address: '南京市玄武区石象路', city: '南京市' },
      startsAt: start,
      endsAt: start + 2 * DAY,
      zones: [],
      signUp: { required: true, capacity: 600, closesAt: null },
      stampRules: { cooldownSeconds: 0 },
      seatsLeft: 600,
    },
    {
      ...base,
      id: NANJING_ID,
      kind: 'fair',
      title: '工匠工坊市集',
      ...ownedBy('u-qinhuai'),
      description: '秦淮区职工逛工匠工坊：非遗手作体验、劳模工匠面对面。',
      venue: { name: '老门东历史文化街区', address: '南京市秦淮区中华门东剪子巷', city: '南京市' },
      startsAt: start + 10 * DAY,
      endsAt: start + 12 * DAY,
      zones: [{ id: 'A', name: '工匠手作' }],
      // 秦淮's members sign up (places are limited in the old streets); others read why they cannot
      signUp: { required: true, capacity: 300, closesAt: null },
      stampRules: { cooldownSeconds: 20 },
      seatsLeft: 300,
    },
  ]
}

async function upsertEvent(db: Db, catalog: CatalogRepository, e: EventRec, now: number): Promise<void> {
  if (await catalog.insertEvent(e, now)) return
  // Keep an ended demo running: move its dates (and its checkpoints', below) to today.
  const _ = db.command
  const events = db.collection(COLLECTIONS.events)
  await events.where({ _id: e.id, endsAt: _.lte(now) }).update({ startsAt: e.startsAt, endsAt: e.endsAt })
  // A demo seeded before the union tree gets its owner (issue 20).
  const owner = { unionId: e.unionId, unionPath: e.unionPath, organiser: e.organiser, within: e.within, venue: e.venue }
  await events.where({ _id: e.id, unionId: _.exists(false) }).update(owner)
}

export async function seedEvents(db: Db, now: number): Promise<void> {
  const start = shanghaiMidnight(now)
  const catalog = createCatalogRepository(db)
  for (const e of events(start)) await upsertEvent(db, catalog, e, now)
  const booths = [...SPECIALTIES.map((n) => ['A', n]), ...CRAFTS.map((n) => ['B', n])]
  for (const [i, [zoneId, name]] of booths.entries()) {
    const id = `fair${zoneId}${String((i % 25) + 1).padStart(2, '0')}`
    await catalog.putBooth(
      { id, eventId: FAIR_ID, zoneId, name, exhibitor: `${name.slice(0, 2)}劳模创新工作室`, codeVersion: 0, order: i },
      now,
      true,
    )
  }
  const tiers = [
    { id: 'fairT10', name: '集满10枚', gift: '云锦书签文创礼包', rule: { minTotal: 10, minPerZone: 0 }, stock: 300, order: 0 },
    { id: 'fairT55', name: '两区各5枚', gift: '马年春节文创礼盒', rule: { minTotal: 10, minPerZone: 5 }, stock: 120, order: 1 },
  ]
  for (const t of tiers) await catalog.insertTier({ ...t, eventId: FAIR_ID, left: t.stock }, now)
  const checkpoints = [
    { id: 'fairIn', eventId: FAIR_ID, name: '入场', order: 0 },
    { id: 'walkS', eventId: WALK_ID, name: '起点', order: 0 },
    { id: 'walkM', eventId: WALK_ID, name: '山顶', order: 1 },
  ]
  for (const c of checkpoints) {
    const e = (await db.collection(COLLECTIONS.events).doc(c.eventId).get()).data[0] as EventRec
    await catalog.putCheckpoint({ ...c, opensAt: e.startsAt, closesAt: e.endsAt }, now)
  }
  await seedActivity(db, now)
}

/** Adds a demo record under its deterministic id unless it is there (re-seeding adds only what is missing). */
const addOnce = (db: Db, coll: string, doc: { _id: string } & Record<string, unknown>) => insertOnce(db.collection(coll), doc)

/**
 * Demo members already on their way: a half-full and a full stamp card. 玄武's walk is for 玄武's members
 * only (issue 20); no demo identity belongs there, so everyone signed in reads why on its page.
 */
async function seedActivity(db: Db, now: number): Promise<void> {
  const cards: [string, string[]][] = [
    ['demo-member', ['fairA01', 'fairA02', 'fairB01']],
    ['demo-model-worker', ['fairA01', 'fairA02', 'fairA03', 'fairA04', 'fairA05', 'fairB01', 'fairB02', 'fairB03', 'fairB04', 'fairB05']],
  ]
  for (const [openid, boothIds] of cards) {
    for (const [i, boothId] of boothIds.entries()) {
      const stampedAt = now - (boothIds.length - i) * 5 * 60_000
      await addOnce(db, COLLECTIONS.eventStamps, {
        _id: `${FAIR_ID}:${boothId}:${openid}`,
        eventId: FAIR_ID,
        boothId,
        zoneId: boothId[4],
        openid,
        stampedAt,
      })
    }
    await addOnce(db, COLLECTIONS.eventStampCards, { _id: `${FAIR_ID}:${openid}`, eventId: FAIR_ID, openid, lastStampAt: now - 5 * 60_000 })
  }
}
