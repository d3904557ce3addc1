import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { MeDTO } from '~types/member'
import { ScanBox } from '~src/components/scan-box'
import { useAction } from '~src/hooks/use-action'
import { call } from '~src/services/api'
import { inviteCodeFrom, normalizeCode } from '~src/services/invite-link'
import { rememberMe } from '~src/services/me-store'
import { notify } from '~src/services/notify'

interface Props {
  /** The code the invite QR or link carried, '' when the page was opened by hand. */
  initialCode: string
  onRedeemed: (me: MeDTO) => void
}

/** An invite code in what was scanned, pasted or typed; '' for another QR or link (not for a mistyped code: the server judges those). */
function inviteIn(text: string): string {
  return inviteCodeFrom(text) || (/[/?=:]/.test(text) ? '' : normalizeCode(text))
}

/** The redemption, and the code just used (shown, so a second code can follow). */
function useRedeem(onRedeemed: (me: MeDTO) => void) {
  const [used, setUsed] = useState('')
  const redeem = useAction(async (code: string) => {
    const next = await call('member', 'redeemInvite', { code }, { loadingText: '正在验证' })
    rememberMe(next)
    setUsed(code)
    onRedeemed(next)
    notify('已获得工作人员身份')
    return true
  })
  return { used, setUsed, redeem }
}

/** Scan, paste, pick a picture of, or type the one-time code an officer gave; a code from the QR is already filled in. */
export function RedeemCard({ initialCode, onRedeemed }: Props) {
  const { used, setUsed, redeem } = useRedeem(onRedeemed)
  return (
    <View className='card' id='redeem-card'>
      <Text className='card__title'>使用邀请码</Text>
      {initialCode && (
        <Text id='redeem-from-link' className='muted'>
          已从邀请二维码读取邀请码，请核对后点「确认」。
        </Text>
      )}
      {used && (
        <Text id='redeem-done' className='muted'>
          邀请码 {used} 已使用，身份已添加到下方。如有另一个邀请码，可继续扫码或输入。
        </Text>
      )}
      <ScanBox
        idPrefix='staff-code'
        scanText='扫描邀请二维码'
        inputLabel='邀请码'
        placeholder='如 ABCD-EFGH，也可粘贴邀请链接'
        submitText='确认'
        initialText={initialCode}
        extract={inviteIn}
        notOursText='这不是工作人员邀请码，请扫描工会干部出示的邀请二维码'
        error={redeem.error}
        onTextChange={() => {
          redeem.setError('')
          setUsed('')
        }}
        keepUntilAccepted
        busy={redeem.busy}
        onCode={(code) => redeem.run(code)}
      />
    </View>
  )
}
