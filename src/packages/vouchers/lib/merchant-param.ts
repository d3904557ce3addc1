/**
 * The staff entry links a desk by the role's scope id; a merchant manager's scope is
 * `<merchantId>-mgr` (see cloudfunctions/vouchers/staff.rules.ts), which names the same till.
 */
export const merchantOfScope = (scopeId: string | undefined): string => (scopeId ?? '').replace(/-mgr$/, '')
