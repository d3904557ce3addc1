import { MERCHANT_MANAGER_SUFFIX, type RoleDTO, type ScopeKind } from '~types/member'

const SCOPE_KIND: Record<ScopeKind, { title: string; duty: string }> = {
  merchant: { title: '商户核销员', duty: '扫描会员出示的消费券码，核对并完成抵扣' },
  event: { title: '活动工作人员', duty: '为到场会员扫码签到，在礼品台核验并发放礼品' },
  site: { title: '筛查点工作人员', duty: '为预约的女职工扫码签到，登记未到场，标记结果已出' },
}

export const SCOPE_KIND_LABEL: Record<ScopeKind, string> = { merchant: '商户', event: '活动', site: '筛查点' }

export interface RoleView {
  title: string
  scopeName: string
  duty: string
}

/** How a role reads to a person: what it is called, where it applies, what it lets them do. */
export function describeRole(role: RoleDTO): RoleView {
  if (role.role === 'member') return { title: '会员', scopeName: '', duty: '使用各项会员服务' }
  if (role.role === 'officer')
    return {
      title: '工会干部',
      scopeName: role.union.name,
      duty: role.union.all ? '管理全市会员名册、各项服务与工作人员邀请码' : `管理${role.union.name}及下级工会的会员与各项服务`,
    }
  if (role.scope.kind === 'merchant' && role.scope.id.endsWith(MERCHANT_MANAGER_SUFFIX)) {
    return { title: '商户店长', scopeName: role.scope.name, duty: '核销消费券，查看并确认本店的对账单' }
  }
  const kind = SCOPE_KIND[role.scope.kind]
  return { title: kind.title, scopeName: role.scope.name, duty: kind.duty }
}
