import { Button, Text, View } from '@tarojs/components'
import { BigButton } from '~src/components/big-button'
import { Refusal, useAction } from '~src/hooks/use-action'
import { call } from '~src/services/api'
import { rememberMe } from '~src/services/me-store'
import { demoPhoneCode } from './phone-code'

/** The client switch: the button shows only where the union offers it (the server's WX_PHONE_NUMBER decides). */
export const phoneVerifyShown = process.env.TARO_APP_PHONE_VERIFY === 'on'

const DECLINED = '您未允许获取手机号，可用下方的姓名和会员证号认证'
/** e.detail.errno 1400001: the app's paid quota is used up; WeChat shows her its own notice, we point to the form. */
const NO_QUOTA = 1400001

/** What the platform's button hands back: the code on 允许, nothing on 拒绝, errno when the quota is spent. */
function codeOf(detail: { code?: string; errno?: number }): string | null {
  if (detail.errno === NO_QUOTA) throw new Refusal('手机号快速验证暂时无法使用，请用下方的姓名和会员证号认证')
  return detail.code ?? null
}

/**
 * 手机号快速验证: one tap, and the number WeChat vouches for is matched against the roster.
 * In WeChat the platform's own button asks her (`open-type="getPhoneNumber"` → `e.detail.code`);
 * the H5 demo shows the same question as a sheet (phone-code.ts).
 */
export function PhoneVerify({ onVerified }: { onVerified: () => void }) {
  const act = useAction(async (detail?: { code?: string; errno?: number }) => {
    const code = detail ? codeOf(detail) : await demoPhoneCode()
    if (!code) throw new Refusal(DECLINED)
    rememberMe(await call('member', 'verifyByPhone', { code }, { loadingText: '正在验证' }))
    onVerified()
  })
  if (!phoneVerifyShown) return null
  return (
    <View className='verify__phone'>
      {process.env.TARO_ENV === 'weapp' ? (
        <Button
          id='verify-phone-quick'
          className='big-button big-button--primary verify__phone-button'
          openType='getPhoneNumber'
          disabled={act.busy}
          onGetPhoneNumber={(e) => void act.run(e.detail as { code?: string; errno?: number })}
        >
          手机号快速验证
        </Button>
      ) : (
        <BigButton id='verify-phone-quick' loading={act.busy} onClick={() => void act.run()}>
          手机号快速验证
        </BigButton>
      )}
      <Text className='muted'>用微信绑定的手机号与工会名册核对，号码仅用于核对，不另行保存。</Text>
      {act.error && (
        <Text id='verify-phone-error' className='error-text'>
          {act.error}
        </Text>
      )}
      <Text className='verify__or'>或填写姓名和会员证号认证</Text>
    </View>
  )
}
