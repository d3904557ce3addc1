import type { ScopeKind } from '../../types/member'
import { routeUrl } from '../../types/routes'

/**
 * Where each kind of staff works. Events are looked up per event (see
 * pages/staff/role-desks); a desk whose url is null is not built yet and is
 * shown as 即将开放 instead of a link that leads nowhere.
 */
export const STAFF_DESKS: Record<Exclude<ScopeKind, 'event'>, { label: string; url: (scopeId: string) => string | null }> = {
  site: { label: '筛查签到台', url: () => routeUrl('screeningDesk') },
  merchant: { label: '消费券核销台', url: (merchant) => routeUrl('vouchersTill', { merchant }) },
}
