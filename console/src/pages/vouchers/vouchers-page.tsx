import { Card, Tabs } from 'tdesign-react'
import { call } from '../../api'
import { useRemote } from '../../use-remote'
import { CampaignsPanel } from './campaigns-panel'
import { MerchantsPanel } from './merchants-panel'
import { StatementsPanel } from './statements-panel'
import './vouchers.css'

/** 消费券: merchants, campaigns (with their dashboards and exports) and statements per period, each a tab. */
export default function VouchersPage() {
  const merchants = useRemote(() => call('vouchers', 'listMerchants', {}))
  const campaigns = useRemote(() => call('vouchers', 'listCampaigns', {}))
  return (
    <>
      <h2 className='page-title'>消费券</h2>
      <Card bordered={false}>
        <Tabs defaultValue='campaigns'>
          <Tabs.TabPanel value='campaigns' label='批次' destroyOnHide={false}>
            <div className='tab-body'>
              <CampaignsPanel campaigns={campaigns} merchants={merchants} />
            </div>
          </Tabs.TabPanel>
          <Tabs.TabPanel value='merchants' label='商户' destroyOnHide={false}>
            <div className='tab-body'>
              <MerchantsPanel merchants={merchants} />
            </div>
          </Tabs.TabPanel>
          <Tabs.TabPanel value='statements' label='对账单'>
            <div className='tab-body'>
              <StatementsPanel />
            </div>
          </Tabs.TabPanel>
        </Tabs>
      </Card>
    </>
  )
}
