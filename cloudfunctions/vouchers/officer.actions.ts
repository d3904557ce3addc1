/**
 * Officers only: merchants, campaigns, draws, the dashboard, exports and every merchant's statement state.
 * Each action on a merchant or campaign is declared for the officers whose subtree owns it (issue 20);
 * the lists are narrowed to her subtree here.
 */
import { action, type ActionContext, rerun } from '../common/function'
import { ownedWhere, ownerFor } from '../common/unions'
import type { StatementRef } from './settlement.service'
import * as S from './vouchers.schemas'
import { vouchersServices as svc } from './vouchers.context'
import { campaignNamed, merchantNamed, merchantsNamed, ownerNamed } from './vouchers.owners'

const officer = (c: ActionContext) => svc(c.db, c.clock).officer
const caller = (c: ActionContext) => ({ openid: c.openid, requestId: c.requestId })
/** Her subtree (the router set `ctx.officer` for every officer action). */
const hers = (c: ActionContext) => ownedWhere(c.officer!)
const theCampaign = campaignNamed((i: { campaignId: string }) => i.campaignId)
const statementRef = (i: StatementRef): StatementRef => ({ merchantId: i.merchantId, period: i.period, date: i.date })

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
  // ---------- the console's tables (issue 18): a page of her subtree's, on declared indexes ----------
  campaignTable: action({
    input: S.campaignTable,
    // a 主办 filter names a union of hers (none: her whole subtree)
    auth: { officer: ownerNamed() },
    run: (i, c) => svc(c.db, c.clock).tables.campaignTable(hers(c), i),
  }),
  merchantTable: action({ input: S.merchantTable, auth: 'officer', run: (i, c) => svc(c.db, c.clock).tables.merchantTable(hers(c), i) }),
  disputeTable: action({ input: S.disputeTable, auth: 'officer', run: (i, c) => svc(c.db, c.clock).tables.disputeTable(hers(c), i) }),
  answerDispute: action({
    input: S.answerDispute,
    // the union that signed the merchant answers its manager
    auth: { officer: merchantNamed((i) => i.merchantId) },
    mutation: true,
    recover: (i, c) => svc(c.db, c.clock).settlement.answered(statementRef(i), caller(c)),
    run: (i, c) => svc(c.db, c.clock).settlement.answer(statementRef(i), i.decision, i.note, { ...caller(c), organiser: c.officer!.name }),
  }),
  merchantStatements: action({
    input: S.periodRef,
    auth: 'officer',
    run: (i, c) => officer(c).merchantStatements(i.period, i.date, hers(c)),
  }),
}
