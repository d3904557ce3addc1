import type { ComponentType } from 'react'
import type { RoleDTO } from '~types/member'

/**
 * The console's pages (issue 18), in menu order. Each page is its own module, loaded when first opened
 * (the console's first load stays small however many pages it grows); `page: null` shows 即将上线.
 * A new page: a module under pages/ whose default export is the page, named here.
 */
export interface MenuEntry {
  key: string
  label: string
  page: (() => Promise<{ default: ComponentType }>) | null
}

const OFFICER: MenuEntry[] = [
  { key: 'home', label: '首页', page: () => import('../pages/home-page') },
  { key: 'roster', label: '会员名册', page: () => import('../pages/roster/roster-page') },
  { key: 'staff', label: '工作人员', page: () => import('../pages/staff/staff-page') },
  { key: 'deletions', label: '删除申请', page: () => import('../pages/deletions-page') },
  { key: 'events', label: '活动与集章', page: () => import('../pages/events/events-page') },
  { key: 'screening', label: '两癌筛查', page: () => import('../pages/screening/screening-page') },
  { key: 'vouchers', label: '消费券', page: () => import('../pages/vouchers/vouchers-page') },
  { key: 'matchmaking', label: '会聚良缘', page: () => import('../pages/matchmaking/matchmaking-page') },
]

/** A merchant manager sees her merchant's statements only. */
const MANAGER: MenuEntry[] = [{ key: 'statements', label: '对账单', page: () => import('../pages/statements/statements-page') }]

export function menuFor(roles: readonly RoleDTO[]): MenuEntry[] {
  return roles.some((r) => r.role === 'officer') ? OFFICER : MANAGER
}
