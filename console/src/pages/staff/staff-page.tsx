import { useState } from 'react'
import { Alert, Button, Card, Dialog, Input, InputNumber, MessagePlugin, Radio, Table, type PrimaryTableCol } from 'tdesign-react'
import type { AppCodeImage } from '~types/app-code'
import type { InviteDTO, InviteKind, InviteTargetDTO, InviteTargetsDTO } from '~types/member'
import { formatShanghai } from '~src/utils/datetime'
import { call, messageOf } from '../../api'
import { useRemote } from '../../use-remote'
import { InvitesTable } from './invites-table'
import './staff-page.css'

const KINDS: { key: keyof InviteTargetsDTO; kind: InviteKind; label: string; role: string }[] = [
  { key: 'events', kind: 'event', label: '活动', role: '活动工作人员' },
  { key: 'sites', kind: 'site', label: '筛查点', role: '筛查点工作人员' },
  { key: 'merchants', kind: 'merchant', label: '商户', role: '商户店员' },
  { key: 'unions', kind: 'union', label: '工会', role: '工会干部' },
]
const roleOf = (kind: InviteKind) => KINDS.find((k) => k.kind === kind)?.role ?? '工作人员'

interface Made {
  code: string
  invite: InviteDTO
  image: AppCodeImage | null
  imageError: string | null
}

/**
 * 工作人员: an invite for any target she may invite for (member.inviteTargets, already narrowed to her
 * union), its code and mini-program code, and a print view; then every invite of her subtree (邀请记录,
 * where an unused one is revoked). A code is shown only to the visit that made it (only its hash is
 * kept), so 本次生成的邀请码 keeps this visit's codes for their print view.
 */
export default function StaffPage() {
  const targets = useRemote(() => call('member', 'inviteTargets', {}))
  const [tab, setTab] = useState<keyof InviteTargetsDTO>('events')
  const [filter, setFilter] = useState('')
  const [ttlHours, setTtlHours] = useState(72)
  const [made, setMade] = useState<Made[]>([])
  const [busy, setBusy] = useState<string | null>(null)
  const [shown, setShown] = useState<Made | null>(null)

  const create = async (t: InviteTargetDTO) => {
    setBusy(t.id)
    try {
      const invite = await call('member', 'createInvite', { scope: { kind: t.kind, id: t.id }, ttlHours })
      let image: AppCodeImage | null = null
      let imageError: string | null = null
      try {
        image = await call('member', 'inviteCodeImage', { code: invite.code })
      } catch (err) {
        imageError = messageOf(err) // the code itself still works typed in by hand
      }
      const m = { code: invite.code, invite, image, imageError }
      setMade((list) => [m, ...list])
      setShown(m)
    } catch (err) {
      void MessagePlugin.error(messageOf(err))
    } finally {
      setBusy(null)
    }
  }

  const list = (targets.data?.[tab] ?? []).filter((t) => !filter || t.name.includes(filter) || t.detail.includes(filter))
  const columns: PrimaryTableCol<InviteTargetDTO>[] = [
    { colKey: 'name', title: '名称' },
    { colKey: 'detail', title: '说明' },
    {
      colKey: 'op',
      title: '操作',
      width: 160,
      cell: ({ row }) => (
        <Button loading={busy === row.id} disabled={!!busy} onClick={() => void create(row)} className='invite-create'>
          生成邀请码
        </Button>
      ),
    },
  ]
  const madeColumns: PrimaryTableCol<Made>[] = [
    { colKey: 'code', title: '邀请码', cell: ({ row }) => <span className='invite-code'>{row.invite.code}</span> },
    { colKey: 'scope', title: '邀请为', cell: ({ row }) => `${row.invite.scope.name} · ${roleOf(row.invite.scope.kind)}` },
    { colKey: 'expiresAt', title: '有效期至', cell: ({ row }) => formatShanghai(row.invite.expiresAt) },
    { colKey: 'op', title: '操作', width: 120, cell: ({ row }) => <Button onClick={() => setShown(row)}>查看</Button> },
  ]

  return (
    <>
      <h2 className='page-title no-print'>工作人员</h2>
      <Card bordered={false} title='邀请工作人员' className='no-print staff-card' style={{ marginBottom: 16 }}>
        <p className='muted' style={{ marginTop: 0 }}>
          选择对象后生成邀请码；对方在小程序中扫码或输入邀请码即成为对应的工作人员。只列出本工会及下级工会的对象。
        </p>
        <div style={{ display: 'flex', gap: 12, alignItems: 'center', marginBottom: 16, flexWrap: 'wrap' }}>
          <Radio.Group value={tab} onChange={(v) => setTab(v as keyof InviteTargetsDTO)}>
            {KINDS.map((k) => (
              <Radio.Button key={k.key} value={k.key}>
                {k.label}（{targets.data?.[k.key].length ?? 0}）
              </Radio.Button>
            ))}
          </Radio.Group>
          <Input placeholder='按名称筛选' value={filter} onChange={setFilter} clearable style={{ width: 220 }} />
          <span>有效</span>
          <InputNumber value={ttlHours} min={1} max={720} onChange={(v) => setTtlHours(Number(v) || 72)} style={{ width: 140 }} />
          <span>小时</span>
        </div>
        {targets.error && <Alert theme='error' message={targets.error} operation={<Button onClick={targets.reload}>重试</Button>} />}
        <Table
          rowKey='id'
          columns={columns}
          data={list}
          loading={targets.loading}
          empty='没有可邀请的对象'
          pagination={{ defaultPageSize: 10, total: list.length }}
        />
      </Card>
      {made.length > 0 && (
        <Card bordered={false} title='本次生成的邀请码' className='no-print'>
          <Table rowKey='code' columns={madeColumns} data={made} />
        </Card>
      )}
      <Card bordered={false} title='邀请记录' className='no-print staff-card' style={{ marginTop: 16 }}>
        <InvitesTable roleOf={roleOf} version={made.length} />
      </Card>
      <Dialog
        visible={!!shown}
        header='邀请码'
        width={560}
        onClose={() => setShown(null)}
        confirmBtn='打印'
        cancelBtn='关闭'
        onConfirm={() => window.print()}
        className='invite-dialog'
      >
        {shown && (
          <div className='invite-print' id='invite-print'>
            <h3>{shown.invite.scope.name}</h3>
            <p>邀请您成为{roleOf(shown.invite.scope.kind)}</p>
            {shown.image ? (
              <img src={shown.image.dataUrl} alt='邀请小程序码' width={240} height={240} />
            ) : (
              <p className='muted'>小程序码暂不可用：{shown.imageError}；请在小程序中输入邀请码。</p>
            )}
            <p className='invite-code' id='invite-code'>
              {shown.invite.code}
            </p>
            <p className='muted'>用微信扫码，或在小程序中输入邀请码。有效期至 {formatShanghai(shown.invite.expiresAt)}。</p>
          </div>
        )}
      </Dialog>
    </>
  )
}
