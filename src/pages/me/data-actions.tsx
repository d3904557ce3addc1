import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { MeDTO } from '../../../types/member'
import { BigButton } from '../../components/big-button'
import { call, messageOf } from '../../services/api'
import { rememberMe } from '../../services/me-store'

async function confirm(title: string, content: string): Promise<boolean> {
  const res = await Taro.showModal({ title, content, confirmText: '确定', cancelText: '取消' })
  return res.confirm
}

/** The member's rights over their data: see it all, ask for deletion, undo the binding. */
export function DataActions({ me, onChange }: { me: MeDTO; onChange: (me: MeDTO) => void }) {
  const [exported, setExported] = useState('')
  const [error, setError] = useState('')
  const run = async (fn: () => Promise<void>) => {
    setError('')
    try {
      await fn()
    } catch (err) {
      setError(messageOf(err))
    }
  }
  const exportData = () =>
    run(async () => {
      const data = await call('member', 'exportMyData', {}, { idempotent: true, loadingText: '正在导出' })
      setExported(JSON.stringify(data, null, 2))
    })
  const requestDeletion = () =>
    run(async () => {
      if (!(await confirm('申请删除个人信息', '工会将删除您的个人信息并解除绑定，删除后需重新认证。确定申请吗？'))) return
      await call('member', 'requestDeletion', {}, { idempotent: true })
      onChange(rememberMeAnd(await call('member', 'me', {}, { idempotent: true })))
      Taro.showToast({ title: '已提交申请', icon: 'success' })
    })
  const unbind = () =>
    run(async () => {
      if (!(await confirm('解除绑定', '解除后本微信将不再关联您的会员信息，可随时重新认证。确定解除吗？'))) return
      onChange(rememberMeAnd(await call('member', 'unbind', {}, { idempotent: true })))
      Taro.showToast({ title: '已解除绑定', icon: 'success' })
    })
  return (
    <View className='card'>
      <Text className='card__title'>我的数据</Text>
      <BigButton id='me-export' variant='secondary' onClick={exportData}>导出我的数据</BigButton>
      {exported && (
        <View>
          <Text className='muted' userSelect>{exported}</Text>
          <BigButton variant='secondary' onClick={() => Taro.setClipboardData({ data: exported })}>复制导出内容</BigButton>
        </View>
      )}
      {!me.deletionRequestedAt && <BigButton id='me-delete' variant='danger' onClick={requestDeletion}>申请删除个人信息</BigButton>}
      {me.verified && <BigButton id='me-unbind' variant='danger' onClick={unbind}>解除会员绑定</BigButton>}
      {error && <Text className='error-text'>{error}</Text>}
    </View>
  )
}

function rememberMeAnd(me: MeDTO): MeDTO {
  rememberMe(me)
  return me
}
