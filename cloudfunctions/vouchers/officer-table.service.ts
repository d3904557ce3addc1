/**
 * The officers' 批次, 商户 and 待处理争议 tables (issue 18): a page of her subtree's, as the table
 * shows it. The mini-program keeps its whole lists (listCampaigns, listMerchants): they are short
 * for a phone's picker, while a city's tables grow with every district.
 */
import type { TablePageRequest } from '~types/table'
import type { CampaignTableRequest, DisputeRowDTO, MerchantTableRequest } from '~types/vouchers'
import type { Clock } from '../common/clock'
import { mapPage } from '../common/table-query'
import type { MerchantRepository } from './merchant.repository'
import { campaignDTO, merchantDTO, type OwnedWhere } from './officer.service'
import type { OfficerTableRepository } from './officer-table.repository'
import { beijingPeriod } from './period'
import { disputeDTO } from './settlement.service'
import type { StatementRepository } from './statement.repository'

export interface OfficerTableDeps {
  clock: Clock
  tables: OfficerTableRepository
  merchants: MerchantRepository
  statements: StatementRepository
}

export function createOfficerTables(d: OfficerTableDeps) {
  return {
    campaignTable: async (where: OwnedWhere, req: CampaignTableRequest) =>
      mapPage(await d.tables.campaigns(where, req, d.clock()), campaignDTO),
    merchantTable: async (where: OwnedWhere, req: MerchantTableRequest) => mapPage(await d.tables.merchants(where, req), merchantDTO),
    /** Disputed statements of her subtree's merchants, newest first, with the merchants' names (one more read). */
    async disputeTable(where: OwnedWhere, req: TablePageRequest & { state?: 'open' | 'answered' }) {
      const p = await d.statements.disputes(where, req.state ?? 'open', req)
      const names = new Map((await d.merchants.many([...new Set(p.items.map((s) => s.merchantId))])).map((m) => [m._id, m.name]))
      return mapPage(p, (s): DisputeRowDTO => {
        const dispute = disputeDTO(s.dispute ?? { rowId: null, note: '' })
        return {
          id: s._id,
          merchantId: s.merchantId,
          merchantName: names.get(s.merchantId) ?? s.merchantId,
          period: s.period,
          date: s.date,
          from: beijingPeriod(s.period, s.date).from,
          rowId: dispute.rowId,
          note: dispute.note,
          at: dispute.at ?? s.at,
          answer: dispute.answer ?? null,
        }
      })
    },
  }
}
