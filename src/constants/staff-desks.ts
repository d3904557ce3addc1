import { MERCHANT_MANAGER_SUFFIX, type ScopeKind } from '~types/member'
import { routeUrl } from '~types/routes'

/** A manager's scope is the merchant's id plus a suffix; the voucher pages want the merchant's own id. */
export const merchantOf = (scopeId: string) =>
  scopeId.endsWith(MERCHANT_MANAGER_SUFFIX) ? scopeId.slice(0, -MERCHANT_MANAGER_SUFFIX.length) : scopeId
export const isMerchantManager = (scopeId: string) => scopeId.endsWith(MERCHANT_MANAGER_SUFFIX)

/**
 * Where each kind of staff works. Events are looked up per event (see
 * pages/staff/role-desks); a desk whose url is null is not built yet and is
 * shown as 即将开放 instead of a link that leads nowhere.
 */
export const STAFF_DESKS: Record<Exclude<ScopeKind, 'event'>, { label: string; url: (scopeId: string) => string | null }> = {
  site: { label: '筛查签到台', url: () => routeUrl('screeningDesk') },
  merchant: { label: '消费券核销台', url: (id) => routeUrl('vouchersTill', { merchant: merchantOf(id) }) },
}
