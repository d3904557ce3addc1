import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { NoticeBanner } from '../../../../components/notice-banner'
import { PageFrame } from '../../../../components/page-frame'
import { RemoteView } from '../../../../components/remote-view'
import { useAction } from '../../../../hooks/use-action'
import { useParams } from '../../../../hooks/use-params'
import { useRemote } from '../../../../hooks/use-remote'
import { call } from '../../../../services/api'
import type { RedemptionRowDTO } from '../../../../../types/vouchers'
import { RowList } from '../../components/row-list'
import { yuan } from '../../lib/money'
import { merchantOfScope } from '../../lib/merchant-param'
import '../../styles.css'

/** Today's redemptions at this merchant; a refund reverses one within the campaign's window. */
export default function TodayRedemptions() {
  const merchant = merchantOfScope(useParams().merchant)
  const rows = useRemote((silent) => call('vouchers', 'todayRedemptions', { merchantId: merchant }, { silent }), [merchant])
  const reverse = useAction(async (row: RedemptionRowDTO) => {
    const ok = await Taro.showModal({
      title: '撤销这笔核销？',
      content: `${row.memberMasked} 消费 ${yuan(row.billFen)}：撤销后券退回会员（仍在有效期内时），工会额度退回。`,
      confirmText: '确定撤销',
      cancelText: '不撤销',
    })
    if (!ok.confirm) return
    await call('vouchers', 'reverse', { merchantId: merchant, redemptionId: row.id }, { loadingText: '正在撤销' })
    Taro.showToast({ title: '已撤销', icon: 'success' })
    await rows.reload()
  })
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
