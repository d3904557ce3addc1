/**
 * Merchant staff come from the member function's single-use staff invites,
 * scoped to one merchant (`{kind: 'merchant', id}`): that makes a cashier
 * (核销员). The merchant's manager (店长, who also confirms statements) is
 * invited with the scope id `<merchantId>-mgr`: StaffScope has no role field,
 * and this keeps the invite flow untouched. Merchant ids never end in `-mgr`.
 */
import type { StoredRole } from '../common/member-docs'
import { MERCHANT_MANAGER_SUFFIX } from '~types/member'

export const MANAGER_SUFFIX = MERCHANT_MANAGER_SUFFIX

export const managerScopeId = (merchantId: string) => `${merchantId}${MANAGER_SUFFIX}`

/** The merchants a person works at, and whether as manager. */
export function merchantRoles(roles: readonly StoredRole[]): Map<string, { manager: boolean }> {
  const out = new Map<string, { manager: boolean }>()
  for (const r of roles) {
    if (r.role !== 'staff' || r.scope.kind !== 'merchant') continue
    const manager = r.scope.id.endsWith(MANAGER_SUFFIX)
    const id = manager ? r.scope.id.slice(0, -MANAGER_SUFFIX.length) : r.scope.id
    out.set(id, { manager: manager || out.get(id)?.manager === true })
  }
  return out
}
