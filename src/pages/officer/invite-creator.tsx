import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { InviteDTO, InviteKind, InviteTargetDTO, InviteTargetsDTO } from '~types/member'
import { BigButton } from '~src/components/big-button'
import { AppCode } from '~src/components/app-code'
import { RemoteView } from '~src/components/remote-view'
import { describeRole, SCOPE_KIND_LABEL } from '~src/constants/roles'
import { Refusal, useAction } from '~src/hooks/use-action'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { normalizeCode } from '~src/services/invite-link'
import { formatShanghai } from '~src/utils/datetime'

/** Staff of what her union runs, or officers of her union and those below it (issue 20). */
const KIND_LABEL: Record<InviteKind, string> = { ...SCOPE_KIND_LABEL, union: '工会干部' }

const KINDS: { kind: InviteKind; list: keyof InviteTargetsDTO; empty: string }[] = [
  { kind: 'event', list: 'events', empty: '本工会还没有活动。请先在「集章打卡 · 活动签到」的活动管理中新建活动。' },
  { kind: 'site', list: 'sites', empty: '本工会还没有筛查点。筛查点随两癌筛查项目一起设置。' },
  { kind: 'merchant', list: 'merchants', empty: '本工会还没有合作商户。' },
  { kind: 'union', list: 'unions', empty: '还没有录入工会组织，暂不能邀请工会干部。' },
]

/** The code and its mini-program code, which opens the redeem page with the code filled in. */
function InviteResult({ invite }: { invite: InviteDTO }) {
  return (
    <View id='invite-result' className='invite__result'>
      <Text className='invite__code' userSelect>
        {invite.code}
      </Text>
      <AppCode
        id='invite-qr'
        load={() => call('member', 'inviteCodeImage', { code: normalizeCode(invite.code) }, { silent: true })}
        deps={[invite.code]}
      />
      <Text className='muted'>请对方用微信扫描此小程序码，或在「我的 → 输入邀请码」中输入邀请码</Text>
      <Text className='muted'>
        {invite.scope.kind === 'union'
          ? '工会干部'
          : describeRole({ role: 'staff', scope: { ...invite.scope, kind: invite.scope.kind } }).title}
        ：{invite.scope.name}
      </Text>
      <Text className='muted'>有效期至 {formatShanghai(invite.expiresAt)}，仅可使用一次</Text>
    </View>
  )
}

function TargetList({
  targets,
  chosen,
  onChoose,
}: {
  targets: InviteTargetDTO[]
  chosen: InviteTargetDTO | null
  onChoose: (t: InviteTargetDTO) => void
}) {
  return (
    <View className='invite__targets'>
      {targets.map((t) => (
        <View
          key={t.id}
          id={`invite-target-${t.id}`}
          className={`invite__target ${chosen?.id === t.id ? 'invite__target--on' : ''}`}
          onClick={() => onChoose(t)}
        >
          <Text className='invite__target-name'>
            {chosen?.id === t.id ? '✓ ' : ''}
            {t.name}
          </Text>
          {t.detail ? <Text className='muted'>{t.detail}</Text> : null}
        </View>
      ))}
    </View>
  )
}

function KindTabs({ kind, onPick }: { kind: InviteKind; onPick: (k: InviteKind) => void }) {
  return (
    <View className='invite__kinds'>
      {KINDS.map(({ kind: k }) => (
        <View key={k} id={`invite-kind-${k}`} className={`invite__kind ${kind === k ? 'invite__kind--on' : ''}`} onClick={() => onPick(k)}>
          {KIND_LABEL[k]}
        </View>
      ))}
    </View>
  )
}

/** The officer picks where the new staff member will work from what exists: no ids to type, none that do not exist. */
export function InviteCreator() {
  const [kind, setKind] = useState<InviteKind>('event')
  const [chosen, setChosen] = useState<InviteTargetDTO | null>(null)
  const [invite, setInvite] = useState<InviteDTO | null>(null)
  const targets = useRemote((silent) => call('member', 'inviteTargets', {}, { silent }))
  const create = useAction(async () => {
    if (!chosen) throw new Refusal(kind === 'union' ? '请先选择工会' : `请先选择${KIND_LABEL[kind]}`)
    setInvite(await call('member', 'createInvite', { scope: { kind: chosen.kind, id: chosen.id } }, { loadingText: '正在生成' }))
  })
  // A refusal was about the place chosen before: choosing again clears it (issue 19, defect 23).
  const choose = (x: InviteTargetDTO | null) => {
    setChosen(x)
    setInvite(null)
    create.setError('')
  }
  const pickKind = (k: InviteKind) => {
    setKind(k)
    choose(null)
  }
  const spec = KINDS.find((k) => k.kind === kind) ?? KINDS[0]
  return (
    <View className='card' id='invite-creator'>
      <Text className='card__title'>生成邀请码</Text>
      <Text className='muted'>邀请工作人员到本工会的活动、筛查点、商户，或邀请本级及下级工会的干部：</Text>
      <KindTabs kind={kind} onPick={pickKind} />
      <RemoteView remote={targets} isEmpty={(t) => t[spec.list].length === 0} emptyText={spec.empty}>
        {(t) => <TargetList targets={t[spec.list]} chosen={chosen} onChoose={choose} />}
      </RemoteView>
      {create.error && <Text className='error-text'>{create.error}</Text>}
      <BigButton id='invite-create' loading={create.busy} disabled={!chosen} onClick={() => void create.run()}>
        {chosen
          ? `生成「${chosen.name}」的${kind === 'union' ? '干部' : ''}邀请码`
          : kind === 'union'
            ? '请先选择工会'
            : `请先选择${KIND_LABEL[kind]}`}
      </BigButton>
      {invite && <InviteResult invite={invite} />}
    </View>
  )
}
