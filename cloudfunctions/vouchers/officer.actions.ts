/**
 * Officers only: merchants, campaigns, draws, the dashboard, exports and every merchant's statement state.
 * Each action on a merchant or campaign is declared for the officers whose subtree owns it (issue 20);
 * the lists are narrowed to her subtree here.
 */
import { action, type ActionContext, rerun } from '../common/function'
import { ownedWhere, ownerFor } from '../common/unions'
import * as S from './vouchers.schemas'
import { vouchersServices as svc } from './vouchers.context'
import { campaignNamed, merchantNamed, merchantsNamed, ownerNamed } from './vouchers.owners'

const officer = (c: ActionContext) => svc(c.db, c.clock).officer
const caller = (c: ActionContext) => ({ openid: c.openid, requestId: c.requestId })
/** Her subtree (the router set `ctx.officer` for every officer action). */
const hers = (c: ActionContext) => ownedWhere(c.officer!)
const theCampaign = campaignNamed((i: { campaignId: string }) => i.campaignId)

export const officerActions = {
  listMerchants: action({ input: S.empty, auth: 'officer', run: (_i, c) => officer(c).listMerchants(hers(c)) }),
  saveMerchant: action({
    input: S.saveMerchant,
    // an edit: the merchant is hers; a new one: the union that signs it is hers
    auth: { officer: [merchantNamed((i) => i.id), ownerNamed()] },
    mutation: true,
    recover: (i, c) => officer(c).recoverMerchant(i, caller(c)),
    run: (i, c) => officer(c).saveMerchant(i, caller(c), () => ownerFor(c.db, c.officer!, i.unionId)),
  }),
  // `rerun` (typed here: the kit's own answers `unknown`): setting the flag again to the same value changes nothing.
  setMerchantSuspended: action({
    input: S.suspend,
    auth: { officer: merchantNamed((i) => i.merchantId) },
    mutation: true,
    recover: rerun, // setting the same flag again changes nothing
    run: (i, c) => officer(c).setSuspended(i.merchantId, i.suspended),
  }),
  listCampaigns: action({ input: S.empty, auth: 'officer', run: (_i, c) => officer(c).listCampaigns(hers(c)) }),
  createCampaign: action({
    input: S.createCampaign,
    // the union that runs it, and every merchant it pays through, are of her subtree
    auth: { officer: [ownerNamed(), merchantsNamed] },
    mutation: true,
    recover: (_i, c) => officer(c).recoverCampaign(caller(c)),
    run: async (i, c) => officer(c).createCampaign(i, caller(c), await ownerFor(c.db, c.officer!, i.unionId)),
  }),
  draw: action({
    input: S.draw,
    auth: { officer: theCampaign },
    mutation: true,
    recover: (i, c) => svc(c.db, c.clock).claims.recoverDraw(i.campaignId, c.requestId),
    run: (i, c) => svc(c.db, c.clock).claims.runDraw(i.campaignId, i.seed, c.requestId ?? null),
  }),
  dashboard: action({ input: S.campaignRef, auth: { officer: theCampaign }, run: (i, c) => officer(c).dashboard(i.campaignId) }),
  exportCampaign: action({ input: S.campaignRef, auth: { officer: theCampaign }, run: (i, c) => officer(c).exportCampaign(i.campaignId) }),
  merchantStatements: action({
    input: S.periodRef,
    auth: 'officer',
    run: (i, c) => officer(c).merchantStatements(i.period, i.date, hers(c)),
  }),
}
