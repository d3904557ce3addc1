/**
 * ~300 believable roster members, generated deterministically (same `now`, same
 * people), plus the demo identities' own records. Card numbers: GH3201 + 6 digits
 * (3201 is Nanjing's area code); demo people hold GH3201000101–000123, the
 * generated ones GH3201001000 onwards, the 七夕 mixer's 234 (matchmaking.seed.ts) GH3201005000 onwards.
 */
import type { RosterDoc } from '../../cloudfunctions/common/member-docs'
import type { RosterFields } from '../../cloudfunctions/member/roster.repository'
import { type Grassroots, grassrootsUnits, pathOf, unitByName } from './union-structure'

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文'
const MALE = [
  '伟',
  '强',
  '磊',
  '军',
  '勇',
  '杰',
  '涛',
  '斌',
  '超',
  '明辉',
  '刚',
  '平',
  '鹏',
  '飞',
  '鑫',
  '浩然',
  '凯',
  '健',
  '俊杰',
  '帅',
  '旭东',
  '宇航',
  '晨',
  '志强',
  '建华',
  '国庆',
  '海峰',
  '亮',
  '永成',
  '东升',
  '子轩',
  '一鸣',
]
const FEMALE = [
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '艳',
  '娟',
  '霞',
  '燕',
  '玲',
  '婷',
  '雪',
  '慧',
  '颖',
  '琳',
  '倩',
  '洁',
  '萍',
  '红梅',
  '莉',
  '兰',
  '凤',
  '琴',
  '晶',
  '月',
  '璐',
  '欣怡',
  '佳琪',
  '雨萱',
  '秀兰',
  '桂英',
  '玉梅',
  '春燕',
  '晓燕',
  '丽华',
  '梦瑶',
]
const PHONE_PREFIXES = [
  '133',
  '135',
  '136',
  '137',
  '139',
  '150',
  '151',
  '152',
  '158',
  '159',
  '177',
  '180',
  '181',
  '186',
  '187',
  '188',
  '189',
  '199',
]

/** Mulberry32: a tiny seeded PRNG, so the generated people are the same every run (every seed uses it). */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Share of women and the age range per kind of workplace. */
const PROFILE: Record<Grassroots['kind'], { women: number; ages: [number, number]; tags: string[] }> = {
  office: { women: 0.5, ages: [24, 58], tags: [] },
  metro: { women: 0.35, ages: [22, 55], tags: [] },
  rider: { women: 0.3, ages: [21, 52], tags: ['新就业形态'] },
  driver: { women: 0.25, ages: [26, 56], tags: ['新就业形态'] },
  courier: { women: 0.2, ages: [21, 48], tags: ['新就业形态'] },
  domestic: { women: 0.9, ages: [32, 58], tags: ['新就业形态'] },
  retail: { women: 0.7, ages: [20, 55], tags: [] },
  hospital: { women: 0.8, ages: [23, 57], tags: [] },
  school: { women: 0.65, ages: [24, 58], tags: [] },
  factory: { women: 0.2, ages: [22, 60], tags: [] },
}

function birthDate(rand: () => number, year: number, age: number): string {
  const month = 1 + Math.floor(rand() * 12)
  const day = 1 + Math.floor(rand() * 28)
  return `${year - age}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export function generateRoster(now: number): RosterFields[] {
  const rand = prng(20270301)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]
  const year = new Date(now).getUTCFullYear()
  const rows: RosterFields[] = []
  for (const unit of grassrootsUnits()) {
    const profile = PROFILE[unit.kind]
    for (let i = 0; i < unit.members; i++) {
      const n = rows.length
      const woman = rand() < profile.women
      const age = profile.ages[0] + Math.floor(rand() * (profile.ages[1] - profile.ages[0] + 1))
      // About one in ten of the older skilled workers is a 劳模 (model worker).
      const model = age >= 40 && ['factory', 'metro', 'hospital', 'school', 'driver'].includes(unit.kind) && rand() < 0.25
      const tags = [...(model ? ['劳模'] : []), ...profile.tags, ...(woman ? ['女职工'] : []), ...(age <= 35 ? ['青年'] : [])]
      rows.push({
        name: pick([...SURNAMES]) + pick(woman ? FEMALE : MALE),
        cardNo: `GH3201${String(1000 + n).padStart(6, '0')}`,
        phone: `${pick(PHONE_PREFIXES)}${String(12_345_678 + (n + 1) * 263_971).padStart(8, '0')}`,
        branch: unit.name,
        tags,
        gender: woman ? 'F' : 'M',
        birthDate: birthDate(rand, year, age),
      })
    }
  }
  return rows
}

/** The demo identities' records (tools/seed/demo-identities.ts). Other seeds may rely on these card numbers. */
export const DEMO_ROSTER: Record<string, RosterFields> = {
  'demo-member': {
    name: '李明',
    cardNo: 'GH3201000123',
    phone: '13800000123',
    branch: '南京地铁运营有限公司工会',
    tags: ['青年'],
    gender: 'M',
    birthDate: '1993-05-18',
  },
  'demo-model-worker': {
    name: '张建国',
    cardNo: 'GH3201000101',
    phone: '13900000101',
    branch: '江宁开发区汽车制造企业联合工会',
    tags: ['劳模'],
    gender: 'M',
    birthDate: '1968-10-01',
  },
  'demo-rider': {
    name: '王秀英',
    cardNo: 'GH3201000102',
    phone: '13900000102',
    branch: '美团外卖秦淮站点工会',
    tags: ['新就业形态', '女职工'],
    gender: 'F',
    birthDate: '1986-04-12',
  },
  'demo-cashier': {
    name: '陈静',
    cardNo: 'GH3201000103',
    phone: '13900000103',
    branch: '苏果超市有限公司工会',
    tags: ['女职工'],
    gender: 'F',
    birthDate: '1990-08-23',
  },
  'demo-event-staff': {
    name: '刘洋',
    cardNo: 'GH3201000104',
    phone: '13900000104',
    branch: '南京市总工会机关工会',
    tags: ['青年'],
    gender: 'M',
    birthDate: '1995-02-07',
  },
  'demo-nurse': {
    name: '赵敏',
    cardNo: 'GH3201000105',
    phone: '13900000105',
    branch: '市妇幼保健院工会',
    tags: ['女职工'],
    gender: 'F',
    birthDate: '1989-11-30',
  },
  'demo-single-man': {
    name: '周浩',
    cardNo: 'GH3201000107',
    phone: '13900000107',
    branch: '苏果超市有限公司工会',
    tags: ['青年'],
    gender: 'M',
    birthDate: '1995-06-16',
  },
  'demo-single-woman': {
    name: '李婷',
    cardNo: 'GH3201000108',
    phone: '13900000108',
    branch: '市妇幼保健院工会',
    tags: ['青年', '女职工'],
    gender: 'F',
    birthDate: '1997-09-03',
  },
  'demo-officer': {
    name: '孙丽',
    cardNo: 'GH3201000106',
    phone: '13900000106',
    branch: '南京市总工会机关工会',
    tags: ['女职工'],
    gender: 'F',
    birthDate: '1978-03-15',
  },
  'demo-district-officer': {
    name: '陈红',
    cardNo: 'GH3201000109',
    phone: '13900000109',
    branch: '苏果超市有限公司工会',
    tags: ['女职工'],
    gender: 'F',
    birthDate: '1982-06-20',
  },
  'demo-grassroots-officer': {
    name: '马骏',
    cardNo: 'GH3201000110',
    phone: '13900000110',
    branch: '美团外卖秦淮站点工会',
    tags: ['新就业形态'],
    gender: 'M',
    birthDate: '1990-11-02',
  },
}

/** Only the demo member stays unverified: the browser journey verifies him. */
export const UNVERIFIED_DEMO = new Set(['demo-member'])

export function rosterDoc(row: RosterFields, boundOpenid: string | null, now: number): RosterDoc {
  const unit = unitByName(row.branch)
  const place = unit ? { unionId: unit.id, unionPath: pathOf(unit.id) } : { unionId: null, unionPath: [] }
  return { _id: row.cardNo, ...row, ...place, boundOpenid, importedAt: now, updatedAt: now }
}
