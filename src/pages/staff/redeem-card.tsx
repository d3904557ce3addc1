import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { MeDTO } from '~types/member'
import { BigButton } from '~src/components/big-button'
import { Field } from '~src/components/field'
import { Refusal, useAction } from '~src/hooks/use-action'
import { call } from '~src/services/api'
import { inviteCodeFrom, normalizeCode } from '~src/services/invite-link'
import { rememberMe } from '~src/services/me-store'

interface Props {
  /** The code the invite QR or link carried, '' when the page was opened by hand. */
  initialCode: string
  onRedeemed: (me: MeDTO) => void
}

/** The code an invite QR carries: '' for any other QR, null when she closed the camera. */
async function scanInviteCode(): Promise<string | null> {
  const res = await Taro.scanCode({ onlyFromCamera: false }).catch(() => null)
  return res ? inviteCodeFrom(res.path || res.result) : null
}

/** The field's code, the code just used, and the redemption (a second tap after success is no error). */
function useRedeem(initialCode: string, onRedeemed: (me: MeDTO) => void) {
  const [code, setCode] = useState(initialCode)
  // The code just used: a second tap that lands after it went through finds the field empty, and must not
  // answer 请输入邀请码 under a success; it is ignored until she types again.
  const [used, setUsed] = useState('')
  const type = (text: string) => {
    setCode(text)
    setUsed('')
  }
  const redeem = useAction(async (raw: string) => {
    const value = normalizeCode(raw)
    if (!value && used) return
    if (!value) throw new Refusal('请输入邀请码')
    const next = await call('member', 'redeemInvite', { code: value }, { loadingText: '正在验证' })
    rememberMe(next)
    setCode('')
    setUsed(value)
    onRedeemed(next)
    Taro.showToast({ title: '已获得工作人员身份', icon: 'success' })
  })
  return { code, setCode, type, used, redeem }
}

/** Enter (or scan) the one-time code an officer gave; a code from the QR is already filled in. */
export function RedeemCard({ initialCode, onRedeemed }: Props) {
  const { code, setCode, type, used, redeem } = useRedeem(initialCode, onRedeemed)
  const scan = async () => {
    const found = await scanInviteCode()
    if (found === '') return redeem.setError('这不是工作人员邀请码，请扫描工会干部出示的邀请二维码')
    if (found) setCode(found)
    if (found) void redeem.run(found)
  }
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
          邀请码 {used} 已使用，身份已添加到下方。如有另一个邀请码，可继续输入。
        </Text>
      )}
      <Field id='staff-code' label='邀请码' value={code} onInput={type} placeholder='如 ABCD-EFGH' maxlength={32} error={redeem.error} />
      <BigButton id='staff-redeem' loading={redeem.busy} onClick={() => void redeem.run(code)}>
        确认
      </BigButton>
      {process.env.TARO_ENV === 'weapp' && (
        <BigButton variant='secondary' onClick={scan}>
          扫描邀请二维码
        </BigButton>
      )}
    </View>
  )
}
