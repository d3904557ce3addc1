import { Text, View } from '@tarojs/components'
import { NoticeBanner } from '~src/components/notice-banner'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { useAction } from '~src/hooks/use-action'
import { useParams } from '~src/hooks/use-params'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { confirmDialog } from '~src/services/dialog'
import type { RedemptionRowDTO } from '~types/vouchers'
import { RowList } from '~src/packages/vouchers/components/row-list'
import { yuan } from '~src/packages/vouchers/lib/money'
import { merchantOfScope } from '~src/packages/vouchers/lib/merchant-param'
import { notify } from '~src/services/notify'
import '~src/packages/vouchers/styles.css'

/** Today's redemptions at this merchant; a refund reverses one within the campaign's window. */
export default function TodayRedemptions() {
  const merchant = merchantOfScope(useParams().merchant)
  const rows = useRemote((silent) => call('vouchers', 'todayRedemptions', { merchantId: merchant }, { silent }), [merchant])
  const reverse = useAction(
    async (row: RedemptionRowDTO) => {
      await call('vouchers', 'reverse', { merchantId: merchant, redemptionId: row.id }, { loadingText: '正在撤销' })
      notify('已撤销')
      await rows.reload()
    },
    {
      ask: (row) =>
        confirmDialog({
          title: '撤销这笔核销？',
          content: `${row.memberMasked} 消费 ${yuan(row.billFen)}：撤销后券退回会员（仍在有效期内时），工会额度退回。`,
          confirmText: '确定撤销',
          cancelText: '不撤销',
          danger: true,
        }),
    },
  )
  return (
    <PageFrame className='vouchers-today'>
      <Text className='vc-title'>今日核销</Text>
      {reverse.error && <NoticeBanner tone='warn' text={reverse.error} />}
      <RemoteView remote={rows} isEmpty={(r) => r.length === 0} emptyText='今天还没有核销记录'>
        {(list) => (
          <View className='card'>
            <RowList rows={list} busy={reverse.busy} onReverse={(r) => void reverse.run(r)} />
          </View>
        )}
      </RemoteView>
    </PageFrame>
  )
}
