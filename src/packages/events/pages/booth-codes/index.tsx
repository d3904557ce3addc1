import { Text, View } from '@tarojs/components'
import type { BoothCodeDTO, BoothCodesDTO } from '~types/events'
import { BigButton } from '~src/components/big-button'
import { PageFrame } from '~src/components/page-frame'
import { AppCode } from '~src/components/app-code'
import { RemoteView } from '~src/components/remote-view'
import { useAction } from '~src/hooks/use-action'
import { type Remote, useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { confirmDialog } from '~src/services/dialog'
import { useParams } from '~src/hooks/use-params'
import '~src/packages/events/styles.css'
import './index.css'

/**
 * The printable codes, one cell per booth, each with its own way to replace a leaked code. Each is a
 * mini-program code whose scene is the booth's printed token: WeChat's scanner opens the stamp page.
 */
function BoothSheet({ eventId, codes, onReissue }: { eventId: string; codes: BoothCodeDTO[]; onReissue: (c: BoothCodeDTO) => void }) {
  return (
    <View className='booth-sheet'>
      {codes.map((c) => (
        <View key={c.boothId} id={`booth-${c.boothId}`} className='booth-qr'>
          <AppCode
            id={`booth-code-${c.boothId}`}
            size='print'
            load={() => call('events', 'boothCodeImage', { eventId, boothId: c.boothId }, { silent: true })}
            deps={[c.boothId, c.code]}
          />
          <Text className='booth-qr__name'>{c.boothName}</Text>
          <Text className='booth-qr__meta'>
            {c.zoneName} · {c.exhibitor}
          </Text>
          <Text className='booth-qr__meta'>微信扫码集章{c.version > 0 ? ` · 第 ${c.version} 版` : ''}</Text>
          <View className='booth-qr__reissue no-print' onClick={() => onReissue(c)}>
            旧码泄露？重新生成
          </View>
        </View>
      ))}
    </View>
  )
}

/** A new code for one booth (the old one stops at once), asked first, naming that it must be reprinted. */
function useReissue(id: string, remote: Remote<BoothCodesDTO>) {
  const ask = (c: BoothCodeDTO) =>
    confirmDialog({
      title: '重新生成展位码',
      content: `「${c.boothName}」的旧码将立即失效，需要重新打印张贴。确定吗？`,
      confirmText: '重新生成',
      danger: true,
    })
  return useAction(
    async (c: BoothCodeDTO) => {
      if (!remote.data) return
      const next = await call('events', 'reissueBoothCode', { eventId: id, boothId: c.boothId }, { loadingText: '正在生成' })
      remote.setData({ ...remote.data, codes: remote.data.codes.map((x) => (x.boothId === next.boothId ? next : x)) })
    },
    { ask },
  )
}

/** A4 sheets of booth codes, as many pages as there are booths. */
export default function BoothCodes() {
  const { id = '' } = useParams()
  const remote = useRemote((silent) => call('events', 'boothCodes', { eventId: id }, { silent }), [id])
  const reissue = useReissue(id, remote)
  return (
    <PageFrame className='booth-codes'>
      <RemoteView remote={remote}>
        {(data) => (
          <>
            <View className='no-print'>
              <Text className='ev-title'>
                {data.eventTitle} · 共 {data.codes.length} 个展位
              </Text>
              {process.env.TARO_ENV === 'h5' && data.codes.length > 0 && (
                <BigButton id='print-codes' onClick={() => window.print()}>
                  打印（A4，每页 9 个，共 {Math.ceil(data.codes.length / 9)} 页）
                </BigButton>
              )}
              {reissue.error && <Text className='error-text'>{reissue.error}</Text>}
            </View>
            {data.codes.length === 0 && <Text className='muted'>本活动还没有展位</Text>}
            <BoothSheet eventId={data.eventId} codes={data.codes} onReissue={(c) => void reissue.run(c)} />
          </>
        )}
      </RemoteView>
    </PageFrame>
  )
}
