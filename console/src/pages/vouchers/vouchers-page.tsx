import { Card, Tabs } from 'tdesign-react'
import { call } from '../../api'
import { useRemote } from '../../use-remote'
import { CampaignsPanel } from './campaigns-panel'
import { DisputesPanel } from './disputes-panel'
import { MerchantsPanel } from './merchants-panel'
import { StatementsPanel } from './statements-panel'
import './vouchers.css'

/**
 * 消费券: campaigns (with their dashboards and exports), merchants, statements per period and the disputes
 * to answer, each a tab. The tables are paged by the functions; `merchants` is the whole list the campaign
 * dialog picks from.
 */
export default function VouchersPage() {
  const merchants = useRemote(() => call('vouchers', 'listMerchants', {}))
  return (
    <>
      <h2 className='page-title'>消费券</h2>
      <Card bordered={false}>
        <Tabs defaultValue='campaigns'>
          <Tabs.TabPanel value='campaigns' label='批次' destroyOnHide={false}>
            <div className='tab-body'>
              <CampaignsPanel merchants={merchants} />
            </div>
          </Tabs.TabPanel>
          <Tabs.TabPanel value='merchants' label='商户' destroyOnHide={false}>
            <div className='tab-body'>
              <MerchantsPanel changed={merchants.reload} />
            </div>
          </Tabs.TabPanel>
          <Tabs.TabPanel value='statements' label='对账单'>
            <div className='tab-body'>
              <StatementsPanel />
            </div>
          </Tabs.TabPanel>
          <Tabs.TabPanel value='disputes' label='待处理争议'>
            <div className='tab-body'>
              <DisputesPanel />
            </div>
          </Tabs.TabPanel>
        </Tabs>
      </Card>
    </>
  )
}
