/** The officer's campaign form: text fields as typed → the request, or the first field to fix (Chinese). */
import type { CampaignInputDTO, VoucherRuleDTO } from '~types/vouchers'
import { parseYuan } from './money'

export interface CampaignForm {
  name: string
  funderName: string
  kind: VoucherRuleDTO['kind']
  thresholdYuan: string
  amountYuan: string
  ratePercent: string
  capYuan: string
  perMember: string
  totalVouchers: string
  budgetYuan: string
  claimDays: string
  useDays: string
  mode: 'first_come' | 'lottery'
  tags: string
  merchantIds: string[]
  bonus: boolean
  bonusRate: string
  bonusCapYuan: string
  bonusFunder: 'union' | 'merchant'
  /** 主办 (issue 20): '' until the picker chooses her own node. */
  unionId: string
}

export const EMPTY_FORM: CampaignForm = {
  name: '',
  funderName: '',
  kind: 'threshold',
  thresholdYuan: '50',
  amountYuan: '40',
  ratePercent: '95',
  capYuan: '20',
  perMember: '1',
  totalVouchers: '',
  budgetYuan: '',
  claimDays: '7',
  useDays: '30',
  mode: 'first_come',
  tags: '',
  merchantIds: [],
  bonus: false,
  bonusRate: '95',
  bonusCapYuan: '10',
  bonusFunder: 'union',
  unionId: '',
}

const DAY = 86_400_000
const int = (s: string, min: number, max: number) => (/^\d+$/.test(s.trim()) && Number(s) >= min && Number(s) <= max ? Number(s) : null)

export type FormResult = { ok: true; input: CampaignInputDTO } | { ok: false; field: keyof CampaignForm; message: string }
type Bad = Extract<FormResult, { ok: false }>

const bad = (field: keyof CampaignForm, message: string): Bad => ({ ok: false, field, message })
const isBad = (x: object): x is Bad => 'ok' in x

/** The deduction rule of the chosen kind, or its first field to fix. */
function ruleOf(f: CampaignForm): VoucherRuleDTO | Bad {
  if (f.kind === 'discount') {
    const rate = int(f.ratePercent, 1, 99)
    const cap = parseYuan(f.capYuan)
    if (rate === null) return bad('ratePercent', '折扣填 1–99，如 95 表示 95折')
    if (!cap) return bad('capYuan', '请填写每次最多优惠金额')
    return { kind: 'discount', ratePercent: rate, capFen: cap }
  }
  const amount = parseYuan(f.amountYuan)
  if (!amount) return bad('amountYuan', '请填写减免金额')
  const threshold = f.kind === 'threshold' ? parseYuan(f.thresholdYuan) : 0
  if (threshold === null) return bad('thresholdYuan', '请填写满减门槛')
  return f.kind === 'threshold' ? { kind: 'threshold', thresholdFen: threshold, amountFen: amount } : { kind: 'fixed', amountFen: amount }
}

/** How many, how much and how long, or the first of those fields to fix. */
function limitsOf(f: CampaignForm) {
  const perMember = int(f.perMember, 1, 20)
  if (perMember === null) return bad('perMember', '每人限领 1–20 张')
  const total = int(f.totalVouchers, 1, 10_000_000)
  if (total === null) return bad('totalVouchers', '请填写发放总张数')
  const budget = parseYuan(f.budgetYuan)
  if (!budget) return bad('budgetYuan', '请填写资金预算（元）')
  const claimDays = int(f.claimDays, 1, 365)
  const useDays = int(f.useDays, 1, 730)
  if (claimDays === null) return bad('claimDays', '领取天数 1–365')
  if (useDays === null || useDays < claimDays) return bad('useDays', '使用天数须不少于领取天数')
  return { perMember, total, budget, claimDays, useDays }
}

export function toCampaignInput(f: CampaignForm, now: number): FormResult {
  if (!f.name.trim()) return bad('name', '请填写批次名称')
  if (!f.funderName.trim()) return bad('funderName', '请填写发放工会')
  const rule = ruleOf(f)
  if (isBad(rule)) return rule
  const limits = limitsOf(f)
  if (isBad(limits)) return limits
  const { perMember, total, budget, claimDays, useDays } = limits
  if (!f.merchantIds.length) return bad('merchantIds', '请选择至少一家可用商户')
  const bonusRate = int(f.bonusRate, 1, 99)
  const bonusCap = parseYuan(f.bonusCapYuan)
  if (f.bonus && (bonusRate === null || !bonusCap)) return bad('bonusRate', '请填写劳模折上折的折扣和上限')
  const claimEndsAt = now + claimDays * DAY
  return {
    ok: true,
    input: {
      name: f.name.trim(),
      funderName: f.funderName.trim(),
      rule,
      perMember,
      totalVouchers: total,
      budgetFen: budget,
      claimStartsAt: now,
      claimEndsAt,
      useStartsAt: now,
      useEndsAt: now + useDays * DAY,
      mode: f.mode,
      drawAt: f.mode === 'lottery' ? now + Math.ceil(claimDays / 2) * DAY : null,
      audience: { tagsAny: f.tags.split(/[,，、\s]+/).filter(Boolean), branches: [] },
      merchantIds: f.merchantIds,
      modelWorkerBonus: f.bonus ? { ratePercent: bonusRate!, capFen: bonusCap!, funder: f.bonusFunder } : null,
      reverseWindowMinutes: 24 * 60,
      remindDaysBefore: 3,
      ...(f.unionId ? { unionId: f.unionId } : {}),
    },
  }
}

/** The server's field paths (CampaignInputDTO) → the form field a refusal is shown under. */
const SERVER_FIELDS: [path: string, key: keyof CampaignForm][] = [
  ['name', 'name'],
  ['funderName', 'funderName'],
  ['rule.thresholdFen', 'thresholdYuan'],
  ['rule.amountFen', 'amountYuan'],
  ['rule.ratePercent', 'ratePercent'],
  ['rule.capFen', 'capYuan'],
  ['perMember', 'perMember'],
  ['totalVouchers', 'totalVouchers'],
  ['budgetFen', 'budgetYuan'],
  ['claimEndsAt', 'claimDays'],
  ['useEndsAt', 'useDays'],
  ['drawAt', 'claimDays'],
  ['audience', 'tags'],
  ['merchantIds', 'merchantIds'],
  ['modelWorkerBonus', 'bonusRate'],
  ['unionId', 'unionId'],
]

/** 'rule.amountFen' → 'amountYuan'; a path the form has no field for → null (shown above the button). */
export function formFieldOf(path: string): keyof CampaignForm | null {
  return SERVER_FIELDS.find(([p]) => path === p || path.startsWith(`${p}.`))?.[1] ?? null
}
