import { Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { InviteDTO, ScopeKind } from '../../../types/member'
import { BigButton } from '../../components/big-button'
import { Field } from '../../components/field'
import { SCOPE_KIND_LABEL } from '../../constants/roles'
import { ApiError, call, messageOf } from '../../services/api'
import { formatShanghai } from '../../utils/datetime'
import { qrDataUrl } from '../../utils/qr-data-url'

const KINDS: ScopeKind[] = ['merchant', 'event', 'site']


export function InviteCreator() {
  const [kind, setKind] = useState<ScopeKind>('merchant')
  const [id, setId] = useState('')
  const [name, setName] = useState('')
  const [invite, setInvite] = useState<InviteDTO | null>(null)
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const create = async () => {
    setError('')
    if (!id.trim() || !name.trim()) return setError(`请填写${SCOPE_KIND_LABEL[kind]}编号和名称`)
    setBusy(true)
    try {
      const scope = { kind, id: id.trim(), name: name.trim() }
      setInvite(await call('member', 'createInvite', { scope }, { idempotent: true, loadingText: '正在生成' }))
    } catch (err) {
      setError(err instanceof ApiError && err.field ? `${messageOf(err)}（${err.field}）` : messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='card'>
      <Text className='card__title'>生成工作人员邀请码</Text>
      <View className='invite__kinds'>
        {KINDS.map((k) => (
          <View key={k} id={`invite-kind-${k}`} className={`invite__kind ${kind === k ? 'invite__kind--on' : ''}`} onClick={() => setKind(k)}>
            {SCOPE_KIND_LABEL[k]}
          </View>
        ))}
      </View>
      <Field id='invite-scope-id' label={`${SCOPE_KIND_LABEL[kind]}编号`} value={id} onInput={setId} maxlength={64} />
      <Field id='invite-scope-name' label={`${SCOPE_KIND_LABEL[kind]}名称`} value={name} onInput={setName} maxlength={64} />
      {error && <Text className='error-text'>{error}</Text>}
      <BigButton id='invite-create' loading={busy} onClick={create}>生成邀请码</BigButton>
      {invite && (
        <View id='invite-result' className='invite__result'>
          <Text className='invite__code' userSelect>{invite.code}</Text>
          <Image id='invite-qr' className='invite__qr' src={qrDataUrl(invite.code)} mode='aspectFit' />
          <Text className='muted'>请对方在「工作人员」页面输入邀请码，或扫描此二维码</Text>
          <Text className='muted'>{SCOPE_KIND_LABEL[invite.scope.kind]}：{invite.scope.name}</Text>
          <Text className='muted'>有效期至 {formatShanghai(invite.expiresAt)}，仅可使用一次</Text>
        </View>
      )}
    </View>
  )
}
