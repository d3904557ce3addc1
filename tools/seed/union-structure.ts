/**
 * The demo union: a city federation, its district federations and their
 * grassroots unions (incl. the new-employment ones: delivery stations, ride-hailing
 * drivers, domestic workers). Roster records carry the grassroots name as `branch`.
 */
export interface Grassroots {
  name: string
  /** Who works there: drives the roster generator. */
  kind: 'office' | 'rider' | 'driver' | 'domestic' | 'courier' | 'retail' | 'hospital' | 'factory' | 'metro' | 'school'
  members: number
}

export interface District {
  name: string
  units: Grassroots[]
}

export const CITY_FEDERATION = '南京市总工会'

export const DISTRICTS: District[] = [
  {
    name: '南京市总工会（直属）',
    units: [
      { name: '南京市总工会机关工会', kind: 'office', members: 12 },
      { name: '南京地铁运营有限公司工会', kind: 'metro', members: 24 },
    ],
  },
  {
    name: '秦淮区总工会',
    units: [
      { name: '美团外卖秦淮站点工会', kind: 'rider', members: 40 },
      { name: '苏果超市有限公司工会', kind: 'retail', members: 22 },
      { name: '秦淮区家政服务业联合工会', kind: 'domestic', members: 26 },
      { name: '市妇幼保健院工会', kind: 'hospital', members: 22 },
    ],
  },
  {
    name: '玄武区总工会',
    units: [
      { name: '饿了么玄武站点工会', kind: 'rider', members: 30 },
      { name: '玄武区网约车司机联合工会', kind: 'driver', members: 28 },
      { name: '玄武区教育系统工会', kind: 'school', members: 16 },
    ],
  },
  {
    name: '鼓楼区总工会',
    units: [
      { name: '顺丰速运鼓楼分部工会', kind: 'courier', members: 24 },
      { name: '鼓楼区家政服务业联合工会', kind: 'domestic', members: 16 },
    ],
  },
  {
    name: '江宁区总工会',
    units: [{ name: '江宁开发区汽车制造企业联合工会', kind: 'factory', members: 34 }],
  },
]

export function grassrootsUnits(): Grassroots[] {
  return DISTRICTS.flatMap((d) => d.units)
}
