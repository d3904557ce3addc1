/**
 * Demo data of 工会消费券 (issue 9), the story's shapes set in the demo city (issue 19
 * defect 17: every union and shop is 南京's): 南京市总工会's 95折 vouchers for the
 * 东西部协作消费帮扶农产品展销馆 (also honoured at 苏果超市（新街口店）, whose
 * cashier is the demo identity `demo-cashier`), with a 劳模 折上折 from the union;
 * 玄武区总工会's member discount at 中央商场 with a 劳模 折上折 the mall gives itself;
 * 南京市总工会's ¥2,000,000 for 12,500 members as 4 × 满50减40, first come first served;
 * 鼓楼区总工会's 抽签 and 江宁区总工会's batch opening in two days (the countdown); 秦淮区总工会's
 * 骑手暖心券 for its 新就业形态 members, split between 美团外卖秦淮站点工会 and the rest of the district.
 * Each campaign and merchant is owned by its union (issue 20: a district's campaign is for its own
 * members, 王秀英 can claim 秦淮's, 张建国 reads why he cannot). Claim and use windows are relative to
 * the seeding time, so the demo works any day. Idempotent: deterministic ids, only what is missing is inserted.
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { Db } from '../../cloudfunctions/common/db'
import { createCampaignRepository } from '../../cloudfunctions/vouchers/campaign.repository'
import type { CampaignDoc, MerchantDoc } from '../../cloudfunctions/vouchers/vouchers.docs'
import type { CampaignInputDTO } from '~types/vouchers'
import type { StoredRole } from '../../cloudfunctions/common/member-docs'
import { managerScopeId } from '../../cloudfunctions/vouchers/staff.rules'
import { CITY_UNION_ID, unionDocs } from './union-structure'

const DAY = 24 * 3600_000

/** Where a union sits in the seeded tree (its id, its path, its name): what an owned document carries. */
export function ownerOf(unionId: string): { unionId: string; unionPath: string[]; organiser: string } {
  const u = unionDocs(0).find((d) => d._id === unionId)
  if (!u) throw new Error(`unknown union ${unionId}`)
  return { unionId, unionPath: u.path, organiser: u.name }
}

type SeedMerchant = Omit<MerchantDoc, 'createdAt' | 'updatedAt' | 'unionPath' | 'organiser'> & { unionId: string }

/** Each signed by a union (issue 20): a district's campaign pays only through its own subtree's shops. */
export const VOUCHER_MERCHANTS: SeedMerchant[] = [
  {
    _id: 'merchant-suguo-xjk',
    name: '苏果超市（新街口店）',
    address: '南京市秦淮区中山南路8号',
    category: '超市',
    suspended: false,
    unionId: 'u-qinhuai',
  },
  {
    _id: 'merchant-fupin-hall',
    name: '东西部协作消费帮扶农产品展销馆',
    address: '南京市秦淮区中华路356号',
    category: '消费帮扶',
    suspended: false,
    unionId: 'u-qinhuai',
  },
  {
    _id: 'merchant-zhongyang',
    name: '南京中央商场（新街口店）',
    address: '南京市秦淮区中山南路79号',
    category: '商场',
    suspended: false,
    unionId: 'u-xuanwu',
  },
  {
    _id: 'merchant-xinbai',
    name: '南京新百（新街口店）',
    address: '南京市秦淮区中山南路1号',
    category: '商场',
    suspended: false,
    unionId: CITY_UNION_ID,
  },
  {
    _id: 'merchant-zifeng',
    name: '紫峰购物广场',
    address: '南京市鼓楼区中山北路6号',
    category: '商场',
    suspended: false,
    unionId: 'u-gulou',
  },
  {
    _id: 'merchant-jn-wanda',
    name: '江宁万达广场',
    address: '南京市江宁区竹山路68号',
    category: '商场',
    suspended: false,
    unionId: 'u-jiangning',
  },
]

const all = { tagsAny: [], branches: [] }

type SeedCampaign = Omit<CampaignInputDTO, 'subBudgets' | 'unionId'> & {
  _id: string
  unionId: string
  subBudgets?: CampaignDoc['subBudgets']
}

function campaigns(now: number): SeedCampaign[] {
  const open = {
    claimStartsAt: now - DAY,
    claimEndsAt: now + 30 * DAY,
    useStartsAt: now - DAY,
    useEndsAt: now + 60 * DAY,
    reverseWindowMinutes: 24 * 60,
    remindDaysBefore: 3,
  }
  return [
    {
      _id: 'campaign-fupin-95',
      name: '工会福利消费券 · 消费帮扶 95折',
      funderName: '南京市总工会',
      unionId: CITY_UNION_ID,
      rule: { kind: 'discount', ratePercent: 95, capFen: 2000 },
      perMember: 2,
      totalVouchers: 5000,
      budgetFen: 10_000_000,
      mode: 'first_come',
      audience: all,
      merchantIds: ['merchant-fupin-hall', 'merchant-suguo-xjk'],
      modelWorkerBonus: { ratePercent: 95, capFen: 1000, funder: 'union' },
      ...open,
    },
    {
      _id: 'campaign-model-worker',
      name: '会员证专享 · 劳模折上折',
      funderName: '玄武区总工会',
      unionId: 'u-xuanwu',
      rule: { kind: 'discount', ratePercent: 90, capFen: 5000 },
      perMember: 1,
      totalVouchers: 2000,
      budgetFen: 10_000_000,
      mode: 'first_come',
      audience: all,
      merchantIds: ['merchant-zhongyang'],
      modelWorkerBonus: { ratePercent: 90, capFen: 3000, funder: 'merchant' },
      ...open,
    },
    {
      _id: 'campaign-4x40',
      name: '职工消费券 满50减40',
      funderName: '南京市总工会',
      unionId: CITY_UNION_ID,
      rule: { kind: 'threshold', thresholdFen: 5000, amountFen: 4000 },
      perMember: 4,
      totalVouchers: 50_000,
      budgetFen: 200_000_000,
      mode: 'first_come',
      audience: all,
      merchantIds: ['merchant-xinbai', 'merchant-suguo-xjk'],
      modelWorkerBonus: null,
      ...open,
    },
    {
      _id: 'campaign-draw',
      name: '提振消费 无门槛20元（抽签）',
      funderName: '鼓楼区总工会',
      unionId: 'u-gulou',
      rule: { kind: 'fixed', amountFen: 2000 },
      perMember: 1,
      totalVouchers: 1000,
      budgetFen: 2_000_000,
      mode: 'lottery',
      drawAt: now + 2 * DAY,
      audience: all,
      merchantIds: ['merchant-zifeng'],
      modelWorkerBonus: null,
      ...open,
    },
    {
      _id: 'campaign-countdown',
      name: '惠工消费券 满100减30',
      funderName: '江宁区总工会',
      unionId: 'u-jiangning',
      rule: { kind: 'threshold', thresholdFen: 10_000, amountFen: 3000 },
      perMember: 2,
      totalVouchers: 10_000,
      budgetFen: 30_000_000,
      mode: 'first_come',
      audience: all,
      merchantIds: ['merchant-jn-wanda'],
      modelWorkerBonus: null,
      ...open,
      claimStartsAt: now + 2 * DAY,
      useStartsAt: now + 2 * DAY,
    },
    {
      // a district's own campaign, its budget split down the tree: the 美团 station's share, the rest of 秦淮's
      _id: 'campaign-qh-rider',
      name: '骑手暖心券 无门槛10元',
      funderName: '秦淮区总工会',
      unionId: 'u-qinhuai',
      rule: { kind: 'fixed', amountFen: 1000 },
      perMember: 1,
      totalVouchers: 300,
      budgetFen: 300_000,
      mode: 'first_come',
      audience: { tagsAny: ['新就业形态'], branches: [] },
      subBudgets: [
        { unionId: 'u-qh-meituan', name: '美团外卖秦淮站点工会', vouchers: 200, budgetFen: 200_000 },
        { unionId: 'u-qinhuai', name: '秦淮区总工会', vouchers: 100, budgetFen: 100_000 },
      ],
      merchantIds: ['merchant-suguo-xjk', 'merchant-fupin-hall'],
      modelWorkerBonus: null,
      ...open,
    },
  ]
}

/** A district's or grassroots union's campaign is for its own members (issue 20). */
const withinOf = (unionId: string) => {
  const o = ownerOf(unionId)
  return o.unionPath.length > 1 ? { unionId, name: o.organiser } : null
}

/**
 * 陈静 (`demo-cashier`) is also her store's manager in the demo, so 对账确认 can be shown:
 * the manager scope is `<merchantId>-mgr` (see cloudfunctions/vouchers/staff.rules.ts).
 */
async function demoManager(db: Db): Promise<number> {
  const users = db.collection(COLLECTIONS.users)
  const user = ((await users.doc('demo-cashier').get()).data as { roles?: StoredRole[] }[])[0]
  const scopeId = managerScopeId('merchant-suguo-xjk')
  if (!user || (user.roles ?? []).some((r) => r.role === 'staff' && r.scope.id === scopeId)) return 0
  const role: StoredRole = { role: 'staff', scope: { kind: 'merchant', id: scopeId, name: '苏果超市（新街口店）' } }
  await users.doc('demo-cashier').update({ roles: db.command.set([...(user.roles ?? []), role]) })
  return 1
}

export async function seedVouchers(db: Db, now: number): Promise<number> {
  let inserted = await demoManager(db)
  const merchants = db.collection(COLLECTIONS.voucherMerchants)
  for (const m of VOUCHER_MERCHANTS) {
    if ((await merchants.doc(m._id).get()).data.length) continue
    await merchants.add({ ...m, ...ownerOf(m.unionId), createdAt: now, updatedAt: now })
    inserted++
  }
  const repo = createCampaignRepository(db)
  for (const c of campaigns(now)) {
    if (await repo.fresh(c._id)) continue
    const doc: CampaignDoc = {
      ...c,
      ...ownerOf(c.unionId),
      audience: { ...c.audience, within: withinOf(c.unionId) },
      drawAt: c.drawAt ?? null,
      subBudgets: c.subBudgets ?? [],
      createdAt: now,
      createdBy: 'seed',
      draw: null,
    }
    await repo.insert(doc)
    inserted++
  }
  return inserted
}
