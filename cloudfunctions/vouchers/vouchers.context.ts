/** The composition root: repositories built once per instance and handed to services by named deps. */
import { createAttemptLog } from '../common/attempt-log'
import type { Clock } from '../common/clock'
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { env } from '../common/env'
import { perInstance } from '../common/instance-cache'
import { getWechat } from '../common/wechat.cloud'
import { createTokenService } from '../common/qr-token.service'
import { createRosterLookup } from '../common/roster-lookup'
import { readUnion } from '../common/unions'
import { createCampaignRepository } from './campaign.repository'
import { createCentreService } from './centre.service'
import { createClaimService } from './claim.service'
import { createEntryRepository } from './entry.repository'
import { createMerchantRepository } from './merchant.repository'
import { createMoneyReturns } from './money-return.service'
import { createVoucherData } from './my-data.service'
import { createOfficerService } from './officer.service'
import { createOfficerTableRepository } from './officer-table.repository'
import { createOfficerTables } from './officer-table.service'
import { createRedemptionRepository } from './redemption.repository'
import { createReversalService } from './reversal.service'
import { createSettlementService } from './settlement.service'
import { createStatementRepository } from './statement.repository'
import { createVoucherSweep } from './sweep.service'
import { createTillService } from './till.service'
import { createVoucherNotices } from './vouchers.notices'
import type { TillAttempt } from './vouchers.docs'
import { createVoucherRepository } from './voucher.repository'
import { createWalletService } from './wallet.service'

/** Built once per instance (instance-cache.ts `perInstance`). */
export const vouchersServices = perInstance((db: Db, clock: Clock) => {
  const campaigns = createCampaignRepository(db)
  const vouchers = createVoucherRepository(db, clock, campaigns)
  const merchants = createMerchantRepository(db)
  const entries = createEntryRepository(db)
  const redemptions = createRedemptionRepository(db)
  const keys = env().qrKeys
  const tokens = createTokenService(keys, clock)
  const claims = createClaimService({ clock, campaigns, vouchers, entries })
  const statements = createStatementRepository(db)
  const settlement = createSettlementService({ clock, merchants, redemptions, statements })
  const notices = createVoucherNotices({ db, clock, wechat: getWechat() })
  const returns = createMoneyReturns(campaigns, vouchers, redemptions)
  const attempts = createAttemptLog<TillAttempt>({ db, clock }, COLLECTIONS.voucherAttempts, 'vouchers')
  const wallet = createWalletService({ db, clock, tokens, campaigns, vouchers, merchants })
  return {
    claims,
    notices,
    settlement,
    wallet,
    centre: createCentreService({ clock, campaigns, vouchers, merchants, entries, roster: createRosterLookup({ db }) }),
    till: createTillService({
      clock,
      tokens,
      kids: keys.map((k) => k.kid),
      campaigns,
      vouchers,
      merchants,
      redemptions,
      returns,
      attempts,
    }),
    reversal: createReversalService({ clock, campaigns, vouchers, merchants, redemptions, returns, attempts }),
    officer: createOfficerService({
      clock,
      campaigns,
      vouchers,
      merchants,
      redemptions,
      settlement,
      entries,
      union: (id) => readUnion(db, id),
    }),
    tables: createOfficerTables({ clock, tables: createOfficerTableRepository(db), merchants, statements }),
    sweeper: createVoucherSweep({ clock, campaigns, vouchers, claims, notices, returns }),
    myData: createVoucherData({ campaigns, entries, wallet, notices }),
  }
})
