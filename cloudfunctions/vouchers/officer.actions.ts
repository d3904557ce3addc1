/** Officers only: merchants, campaigns, draws, the dashboard, exports and every merchant's statement state. */
import { action, type ActionContext, rerun } from '../common/function'
import * as S from './vouchers.schemas'
import { vouchersServices as svc } from './vouchers.context'

const officer = (c: ActionContext) => svc(c.db, c.clock).officer
const caller = (c: ActionContext) => ({ openid: c.openid, requestId: c.requestId })

export const officerActions = {
  listMerchants: action({ input: S.empty, auth: 'officer', run: (_i, c) => officer(c).listMerchants() }),
  saveMerchant: action({
    input: S.saveMerchant,
    auth: 'officer',
    mutation: true,
    recover: (i, c) => officer(c).recoverMerchant(i, caller(c)),
    run: (i, c) => officer(c).saveMerchant(i, caller(c)),
  }),
  // `rerun` (typed here: the kit's own answers `unknown`): setting the flag again to the same value changes nothing.
  setMerchantSuspended: action({
    input: S.suspend,
    auth: 'officer',
    mutation: true,
    recover: rerun, // setting the same flag again changes nothing
    run: (i, c) => officer(c).setSuspended(i.merchantId, i.suspended),
  }),
  listCampaigns: action({ input: S.empty, auth: 'officer', run: (_i, c) => officer(c).listCampaigns() }),
  createCampaign: action({
    input: S.createCampaign,
    auth: 'officer',
    mutation: true,
    recover: (_i, c) => officer(c).recoverCampaign(caller(c)),
    run: (i, c) => officer(c).createCampaign(i, caller(c)),
  }),
  draw: action({
    input: S.draw,
    auth: 'officer',
    mutation: true,
    recover: (i, c) => svc(c.db, c.clock).claims.recoverDraw(i.campaignId, c.requestId),
    run: (i, c) => svc(c.db, c.clock).claims.runDraw(i.campaignId, i.seed, c.requestId ?? null),
  }),
  dashboard: action({ input: S.campaignRef, auth: 'officer', run: (i, c) => officer(c).dashboard(i.campaignId) }),
  exportCampaign: action({ input: S.campaignRef, auth: 'officer', run: (i, c) => officer(c).exportCampaign(i.campaignId) }),
  merchantStatements: action({ input: S.periodRef, auth: 'officer', run: (i, c) => officer(c).merchantStatements(i.period, i.date) }),
}
