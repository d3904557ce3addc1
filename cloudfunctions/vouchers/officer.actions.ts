/** Officers only: merchants, campaigns, draws, the dashboard, exports and every merchant's statement state. */
import { requireOfficer } from '../common/auth'
import { action, type ActionContext } from '../common/function'
import * as S from './vouchers.schemas'
import { vouchersServices } from './vouchers.context'

async function officer(c: ActionContext) {
  await requireOfficer(c.db, c.openid)
  return vouchersServices(c.db, c.clock)
}

export const officerActions = {
  listMerchants: action({ input: S.empty, run: async (_i, c) => (await officer(c)).officer.listMerchants() }),
  saveMerchant: action({ input: S.saveMerchant, mutation: true, run: async (i, c) => (await officer(c)).officer.saveMerchant(i) }),
  setMerchantSuspended: action({ input: S.suspend, mutation: true, run: async (i, c) => (await officer(c)).officer.setSuspended(i.merchantId, i.suspended) }),
  listCampaigns: action({ input: S.empty, run: async (_i, c) => (await officer(c)).officer.listCampaigns() }),
  createCampaign: action({ input: S.createCampaign, mutation: true, run: async (i, c) => (await officer(c)).officer.createCampaign(c.openid, i) }),
  draw: action({ input: S.draw, mutation: true, run: async (i, c) => (await officer(c)).claims.runDraw(i.campaignId, i.seed) }),
  dashboard: action({ input: S.campaignRef, run: async (i, c) => (await officer(c)).officer.dashboard(i.campaignId) }),
  exportCampaign: action({ input: S.campaignRef, run: async (i, c) => (await officer(c)).officer.exportCampaign(i.campaignId) }),
  merchantStatements: action({ input: S.periodRef, run: async (i, c) => (await officer(c)).officer.merchantStatements(i.period, i.date) }),
}
