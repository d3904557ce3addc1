/**
 * The officers' 批次 and 商户 tables (issue 18): one page, its sort and filters, read on a declared index
 * (common/table-query.ts). Kept apart from the campaign and merchant repositories, whose reads serve the
 * members' claim path and the till: a table's page never goes through their instance caches.
 */
import type { TablePage, TablePageRequest } from '~types/table'
import type { CampaignTableRequest, MerchantTableRequest } from '~types/vouchers'
import { COLLECTIONS } from '../common/collections'
import type { Db } from '../common/db'
import { readTablePage } from '../common/table-query'
import type { CampaignDoc, MerchantDoc } from './vouchers.docs'

/** An anchored prefix (the `name` index serves it); the typed text is matched literally. */
const prefix = (db: Db, text: string) => db.RegExp({ regexp: `^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}` })

export function createOfficerTableRepository(db: Db) {
  const _ = db.command
  return {
    /**
     * `scope`: her subtree (`{unionPath}`) or `{}` for the city; a 主办 filter narrows it to a union of hers
     * (the action's auth checked that). State is the claim window at `now`: ranges on its two ends.
     */
    campaigns(scope: { unionPath?: string }, f: CampaignTableRequest, now: number): Promise<TablePage<CampaignDoc>> {
      const where: Record<string, unknown> = { ...scope }
      if (f.unionId) where.unionPath = f.unionId
      if (f.state === 'upcoming') where.claimStartsAt = _.gt(now)
      if (f.state === 'claiming') Object.assign(where, { claimStartsAt: _.lte(now), claimEndsAt: _.gt(now) })
      if (f.state === 'ended') where.claimEndsAt = _.lte(now)
      if (f.name) where.name = prefix(db, f.name)
      return readTablePage(db.collection(COLLECTIONS.voucherCampaigns), where, page(f), { field: 'createdAt', order: 'desc' })
    },
    merchants(scope: { unionPath?: string }, f: MerchantTableRequest): Promise<TablePage<MerchantDoc>> {
      const where: Record<string, unknown> = { ...scope }
      if (f.suspended !== undefined) where.suspended = f.suspended
      if (f.category) where.category = f.category
      if (f.name) where.name = prefix(db, f.name)
      return readTablePage(db.collection(COLLECTIONS.voucherMerchants), where, page(f), { field: 'createdAt', order: 'asc' })
    },
  }
}

const page = (r: TablePageRequest): TablePageRequest => ({ page: r.page, pageSize: r.pageSize, sort: r.sort })

export type OfficerTableRepository = ReturnType<typeof createOfficerTableRepository>
