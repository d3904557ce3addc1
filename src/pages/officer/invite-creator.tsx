import { Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { InviteDTO, ScopeKind } from '../../../types/member'
import { BigButton } from '../../components/big-button'
import { Field } from '../../components/field'
import { SCOPE_KIND_LABEL } from '../../constants/roles'
import { Refusal, useAction } from '../../hooks/use-action'
import { call } from '../../services/api'
import { inviteLink, normalizeCode } from '../../services/invite-link'
import { formatShanghai } from '../../utils/datetime'
import { qrDataUrl } from '../../utils/qr-data-url'

const KINDS: ScopeKind[] = ['merchant', 'event', 'site']

/** The code and a QR that opens the redeem page with the code filled in. */
function InviteResult({ invite }: { invite: InviteDTO }) {
  return (
    <View id='invite-result' className='invite__result'>
      <Text className='invite__code' userSelect>{invite.code}</Text>
      <Image id='invite-qr' className='invite__qr' src={qrDataUrl(inviteLink(normalizeCode(invite.code)))} mode='aspectFit' />
      <Text className='muted'>请对方用微信扫描此二维码，或在「我的 → 输入邀请码」中输入邀请码</Text>
      <Text className='muted'>{SCOPE_KIND_LABEL[invite.scope.kind]}：{invite.scope.name}</Text>
      <Text className='muted'>有效期至 {formatShanghai(invite.expiresAt)}，仅可使用一次</Text>
    </View>
  )
}

export function InviteCreator() {
  const [kind, setKind] = useState<ScopeKind>('merchant')
  const [id, setId] = useState('')
  const [name, setName] = useState('')
  const [invite, setInvite] = useState<InviteDTO | null>(null)
  const create = useAction(async () => {
    if (!id.trim() || !name.trim()) throw new Refusal(`请填写${SCOPE_KIND_LABEL[kind]}编号和名称`)
    setInvite(await call('member', 'createInvite', { scope: { kind, id: id.trim(), name: name.trim() } }, { idempotent: true, loadingText: '正在生成' }))
  })
  return (
    <View className='card' id='invite-creator'>
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
      {create.error && <Text className='error-text'>{create.error}</Text>}
      <BigButton id='invite-create' loading={create.busy} onClick={() => void create.run()}>生成邀请码</BigButton>
      {invite && <InviteResult invite={invite} />}
    </View>
  )
}
