/**
 * Demo data of 工会消费券 (issue 9), the story's shapes set in the demo city (issue 19
 * defect 17: every union and shop is 南京's): 秦淮区总工会's 95折 vouchers for the
 * 东西部协作消费帮扶农产品展销馆 (also honoured at 苏果超市（新街口店）, whose
 * cashier is the demo identity `demo-cashier`), with a 劳模 折上折 from the union;
 * 玄武区总工会's member discount at 中央商场 with a 劳模 折上折 the mall gives itself;
 * 南京市总工会's ¥2,000,000 for 12,500 members as 4 × 满50减40, first come first served;
 * 鼓楼区总工会's 抽签 and 江宁区总工会's batch opening in two days (the countdown). Claim and use windows
 * are relative to the seeding time, so the demo works any day. Idempotent:
 * deterministic ids, only what is missing is inserted.
 */
import { COLLECTIONS } from '../../cloudfunctions/common/collections'
import type { Db } from '../../cloudfunctions/common/db'
import { createCampaignRepository } from '../../cloudfunctions/vouchers/campaign.repository'
import type { CampaignDoc, MerchantDoc } from '../../cloudfunctions/vouchers/vouchers.docs'
import type { CampaignInputDTO } from '~types/vouchers'
import type { StoredRole } from '../../cloudfunctions/common/member-docs'
import { managerScopeId } from '../../cloudfunctions/vouchers/staff.rules'

const DAY = 24 * 3600_000

export const VOUCHER_MERCHANTS: Omit<MerchantDoc, 'createdAt' | 'updatedAt'>[] = [
  { _id: 'merchant-suguo-xjk', name: '苏果超市（新街口店）', address: '南京市秦淮区中山南路8号', category: '超市', suspended: false },
  {
    _id: 'merchant-fupin-hall',
    name: '东西部协作消费帮扶农产品展销馆',
    address: '南京市秦淮区中华路356号',
    category: '消费帮扶',
    suspended: false,
  },
  { _id: 'merchant-zhongyang', name: '南京中央商场（新街口店）', address: '南京市秦淮区中山南路79号', category: '商场', suspended: false },
  { _id: 'merchant-xinbai', name: '南京新百（新街口店）', address: '南京市秦淮区中山南路1号', category: '商场', suspended: false },
  { _id: 'merchant-zifeng', name: '紫峰购物广场', address: '南京市鼓楼区中山北路6号', category: '商场', suspended: false },
  { _id: 'merchant-jn-wanda', name: '江宁万达广场', address: '南京市江宁区竹山路68号', category: '商场', suspended: false },
]

const all = { tagsAny: [], branches: [] }

function campaigns(now: number): (CampaignInputDTO & { _id: string })[] {
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
      funderName: '秦淮区总工会',
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
  ]
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
    await merchants.add({ ...m, createdAt: now, updatedAt: now })
    inserted++
  }
  const repo = createCampaignRepository(db)
  for (const c of campaigns(now)) {
    if (await repo.fresh(c._id)) continue
    const doc: CampaignDoc = { ...c, drawAt: c.drawAt ?? null, subBudgets: [], createdAt: now, createdBy: 'seed', draw: null }
    await repo.insert(doc)
    inserted++
  }
  return inserted
}
