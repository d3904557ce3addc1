/**
 * Who owns what an officer's vouchers action names (issue 20), for the router's `{officer: …}` check:
 * a merchant or a campaign by its document, a new one by the union it names, and the merchants a new
 * campaign pays through. A district's campaign may only use merchants its own subtree signed (another
 * district's shops, their statements and tills are not hers to commit).
 */
import { batchedById } from '../common/batched-read'
import { COLLECTIONS } from '../common/collections'
import { ownedDoc, type OwnerOf, unionNamed } from '../common/unions'
import type { MerchantDoc } from './vouchers.docs'

export const merchantNamed = <I>(idOf: (i: I) => string | null | undefined): OwnerOf<I> => ownedDoc(COLLECTIONS.voucherMerchants, idOf)
export const campaignNamed = <I>(idOf: (i: I) => string | null | undefined): OwnerOf<I> => ownedDoc(COLLECTIONS.voucherCampaigns, idOf)
export const ownerNamed = <I extends { unionId?: string }>(): OwnerOf<I> => unionNamed((i) => i.unionId)

const merchantById = batchedById<MerchantDoc>(COLLECTIONS.voucherMerchants)

/** The longest path every one of these starts with: her node is on it exactly when it is on each of them. */
export function commonPath(paths: readonly (readonly string[])[]): string[] {
  const [first, ...rest] = paths
  if (!first) return []
  let n = first.length
  for (const p of rest) {
    let i = 0
    while (i < n && i < p.length && p[i] === first[i]) i++
    n = i
  }
  return first.slice(0, n)
}

/** The merchants a campaign names, as one owner path; undefined when one does not exist (the service answers NOT_FOUND). */
export const merchantsNamed: OwnerOf<{ merchantIds: string[] }> = async (input, { db }) => {
  const docs = await Promise.all([...new Set(input.merchantIds)].map((id) => merchantById(db, id)))
  if (docs.some((m) => !m)) return undefined
  return commonPath(docs.map((m) => m!.unionPath ?? []))
}
