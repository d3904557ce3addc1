import type { UnionDoc } from '../../cloudfunctions/common/unions'

/**
 * The demo union: a city federation, its district federations and their
 * grassroots unions (incl. the new-employment ones: delivery stations, ride-hailing
 * drivers, domestic workers). Roster records carry the grassroots name as `branch` and its place in
 * the tree (`unionId`, `unionPath`); the seed writes the tree itself into `unions` (issue 20).
 */
export interface Grassroots {
  id: string
  name: string
  /** Who works there: drives the roster generator. */
  kind: 'office' | 'rider' | 'driver' | 'domestic' | 'courier' | 'retail' | 'hospital' | 'factory' | 'metro' | 'school'
  members: number
}

export interface District {
  /** null: the city's directly attached units (直属), which sit right under the city. */
  id: string | null
  name: string
  units: Grassroots[]
}

export const CITY_FEDERATION = '南京市总工会'
export const CITY_UNION_ID = 'u-nanjing'

export const DISTRICTS: District[] = [
  {
    id: null,
    name: '南京市总工会（直属）',
    units: [
      { id: 'u-nj-jiguan', name: '南京市总工会机关工会', kind: 'office', members: 12 },
      { id: 'u-nj-metro', name: '南京地铁运营有限公司工会', kind: 'metro', members: 24 },
    ],
  },
  {
    id: 'u-qinhuai',
    name: '秦淮区总工会',
    units: [
      { id: 'u-qh-meituan', name: '美团外卖秦淮站点工会', kind: 'rider', members: 40 },
      { id: 'u-qh-suguo', name: '苏果超市有限公司工会', kind: 'retail', members: 22 },
      { id: 'u-qh-jiazheng', name: '秦淮区家政服务业联合工会', kind: 'domestic', members: 26 },
      { id: 'u-qh-fuyou', name: '市妇幼保健院工会', kind: 'hospital', members: 22 },
    ],
  },
  {
    id: 'u-xuanwu',
    name: '玄武区总工会',
    units: [
      { id: 'u-xw-eleme', name: '饿了么玄武站点工会', kind: 'rider', members: 30 },
      { id: 'u-xw-driver', name: '玄武区网约车司机联合工会', kind: 'driver', members: 28 },
      { id: 'u-xw-school', name: '玄武区教育系统工会', kind: 'school', members: 16 },
    ],
  },
  {
    id: 'u-gulou',
    name: '鼓楼区总工会',
    units: [
      { id: 'u-gl-sf', name: '顺丰速运鼓楼分部工会', kind: 'courier', members: 24 },
      { id: 'u-gl-jiazheng', name: '鼓楼区家政服务业联合工会', kind: 'domestic', members: 16 },
    ],
  },
  {
    id: 'u-jiangning',
    name: '江宁区总工会',
    units: [{ id: 'u-jn-auto', name: '江宁开发区汽车制造企业联合工会', kind: 'factory', members: 34 }],
  },
]

export function grassrootsUnits(): Grassroots[] {
  return DISTRICTS.flatMap((d) => d.units)
}

/** Where a grassroots unit sits: the city, its district (if any), itself. */
export function pathOf(unitId: string): string[] {
  const district = DISTRICTS.find((d) => d.units.some((u) => u.id === unitId))
  if (!district) throw new Error(`unknown unit ${unitId}`)
  return district.id ? [CITY_UNION_ID, district.id, unitId] : [CITY_UNION_ID, unitId]
}

export function unitByName(name: string): Grassroots | undefined {
  return grassrootsUnits().find((u) => u.name === name)
}

/** The tree as `unions` documents (cloudfunctions/common/unions.ts UnionDoc), parents first. */
export function unionDocs(now: number): UnionDoc[] {
  const base = { moves: [], createdAt: now, updatedAt: now }
  const out: UnionDoc[] = [{ _id: CITY_UNION_ID, name: CITY_FEDERATION, parentId: null, level: 'city', path: [CITY_UNION_ID], ...base }]
  for (const d of DISTRICTS) {
    if (d.id) out.push({ _id: d.id, name: d.name, parentId: CITY_UNION_ID, level: 'district', path: [CITY_UNION_ID, d.id], ...base })
    for (const u of d.units) {
      const path = pathOf(u.id)
      out.push({ _id: u.id, name: u.name, parentId: path[path.length - 2], level: 'grassroots', path, ...base })
    }
  }
  return out
}
