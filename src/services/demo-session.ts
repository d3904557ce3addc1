import Taro from '@tarojs/taro'

/**
 * H5 local demo only: which demo identity this browser signed in as. The local
 * host trusts the X-Demo-Openid header outside production; in WeChat the
 * caller's identity comes from the WeChat session and none of this is used.
 */
const KEY = 'demoOpenid'

export interface DemoIdentity {
  openid: string
  label: string
  description: string
  verifyHint?: { name: string; cardNo: string; phone: string }
}

export const isDemoLogin = process.env.TARO_ENV === 'h5'

export function getDemoOpenid(): string {
  if (!isDemoLogin) return ''
  const value: unknown = Taro.getStorageSync(KEY)
  return typeof value === 'string' ? value : ''
}

export function setDemoOpenid(openid: string): void {
  if (openid) Taro.setStorageSync(KEY, openid)
  else Taro.removeStorageSync(KEY)
}

/** Signed in: always in WeChat; in the H5 demo once an identity was picked. */
export function isSignedIn(): boolean {
  return !isDemoLogin || getDemoOpenid() !== ''
}

export async function fetchDemoIdentities(): Promise<DemoIdentity[]> {
  const res = await fetch(`${process.env.TARO_APP_API_BASE || ''}/demo/identities`, { headers: { accept: 'application/json' } })
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  const list: unknown = await res.json()
  return Array.isArray(list) ? (list as DemoIdentity[]) : []
}
