import { Text, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import type { MeDTO } from '../../../types/member'
import { BackLink } from '../../components/back-link'
import { BigButton } from '../../components/big-button'
import { Field } from '../../components/field'
import { describeRole } from '../../constants/roles'
import { call, messageOf } from '../../services/api'
import { cachedMe, loadMe, rememberMe } from '../../services/me-store'
import './index.css'

export default function Staff() {
  const [me, setMe] = useState<MeDTO | null>(cachedMe())
  const [code, setCode] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  useDidShow(() => void loadMe({ silent: !!cachedMe() }).then(setMe, (err) => setError(messageOf(err))))

  const redeem = async (raw: string) => {
    const value = raw.trim().toUpperCase()
    setError('')
    if (!value) return setError('请输入邀请码')
    setBusy(true)
    try {
      const next = await call('member', 'redeemInvite', { code: value }, { idempotent: true, loadingText: '正在验证' })
      rememberMe(next)
      setMe(next)
      setCode('')
      Taro.showToast({ title: '已获得工作人员身份', icon: 'success' })
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  const scan = () => Taro.scanCode({ onlyFromCamera: false }).then((res) => redeem(res.result), () => undefined)

  const staffRoles = (me?.roles ?? []).filter((r) => r.role === 'staff')
  return (
    <View className='page staff'>
      <View className='card'>
        <Text className='card__title'>我的工作人员身份</Text>
        {staffRoles.length === 0 && <Text className='muted'>您还没有工作人员身份。请向工会干部索取邀请码，在下方输入或扫码。</Text>}
        {staffRoles.map((r, i) => {
          const v = describeRole(r)
          return (
            <View key={i} className='staff-role'>
              <Text className='staff-role__title'>{v.title} · {v.scopeName}</Text>
              <Text className='muted'>{v.duty}（相应服务开放后在此进入）</Text>
            </View>
          )
        })}
      </View>
      <View className='card'>
        <Text className='card__title'>使用邀请码</Text>
        <Field id='staff-code' label='邀请码' value={code} onInput={setCode} placeholder='请输入工会干部给您的邀请码' maxlength={32} error={error} />
        <BigButton id='staff-redeem' loading={busy} onClick={() => redeem(code)}>确认</BigButton>
        {process.env.TARO_ENV === 'weapp' && <BigButton variant='secondary' onClick={scan}>扫码获取</BigButton>}
      </View>
      <BackLink />
    </View>
  )
}
