import Taro from '@tarojs/taro'
import { Refusal } from '~src/hooks/use-action'
import { maskMiddle } from '~src/utils/mask'
import { fetchDemoIdentities, getDemoOpenid } from '~src/services/demo-session'

/**
 * H5 local demo only: what WeChat's 手机号快速验证 sheet does on a phone. It names the number
 * (the demo identity's roster phone, masked), and on 允许 the local WeChat (through the host's
 * `POST /wx/phone-code`) issues a one-time code for it, as `e.detail.code` would be. null: 拒绝.
 */
export async function demoPhoneCode(): Promise<string | null> {
  const me = (await fetchDemoIdentities().catch(() => [])).find((i) => i.openid === getDemoOpenid())
  const phone = me?.verifyHint?.phone
  const { confirm } = await Taro.showModal({
    title: '申请获取并验证你的手机号',
    content: phone ? `${maskMiddle(phone)}（微信绑定号码）` : '你在微信绑定的手机号',
    confirmText: '允许',
    cancelText: '拒绝',
  })
  if (!confirm) return null
  const res = await fetch(`${process.env.TARO_APP_API_BASE || ''}/wx/phone-code`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-demo-openid': getDemoOpenid() },
    body: '{}',
  })
  const body = (await res.json().catch(() => ({}))) as { code?: unknown }
  if (!res.ok || typeof body.code !== 'string') throw new Refusal('未能获取手机号授权，请稍后再试，或用姓名和会员证号认证')
  return body.code
}
