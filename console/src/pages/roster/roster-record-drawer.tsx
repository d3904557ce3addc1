import { useEffect, useState } from 'react'
import { Alert, Button, Descriptions, Drawer, Input, Loading, MessagePlugin, Space, Tag } from 'tdesign-react'
import type { RosterRecordDTO } from '~types/member'
import { formatShanghai } from '~src/utils/datetime'
import { call, messageOf } from '../../api'
import { RosterCorrectForm } from './roster-correct-form'

const GENDERS: Record<string, string> = { M: '男', F: '女' }

function RecordView({ r }: { r: RosterRecordDTO }) {
  const moves = r.unionMoves.map((m) => `${m.branch}（至 ${formatShanghai(m.until, 'YYYY年M月D日')}）`).join('；')
  return (
    <Descriptions
      className='roster-record'
      column={1}
      bordered
      items={[
        { label: '会员编号', content: r.memberRef },
        { label: '姓名', content: r.name },
        { label: '会员证号', content: r.cardNo },
        { label: '手机号', content: r.phone || '未填' },
        { label: '性别', content: GENDERS[r.gender] ?? '未填' },
        { label: r.revealed ? '出生日期' : '出生年份', content: r.birthDate || '未填' },
        { label: '所属工会', content: r.branch },
        { label: '曾属工会', content: moves || '—' },
        { label: '标签', content: r.tags.length ? r.tags.map((t) => <Tag key={t}>{t}</Tag>) : '—' },
        { label: '小程序', content: r.bound ? '已绑定' : '未绑定' },
        { label: '更新时间', content: formatShanghai(r.updatedAt) },
      ]}
    />
  )
}

/** A reason, then the full name, card number and phone (the function records the reason in the audit log). */
function Reveal({ id, onShown }: { id: string; onShown: (r: RosterRecordDTO) => void }) {
  const [reason, setReason] = useState('')
  const show = async () => {
    if (reason.trim().length < 4) return void MessagePlugin.warning('查看完整信息须填写用途（至少 4 个字）')
    try {
      onShown(await call('member', 'rosterRecord', { id, reveal: reason.trim() }))
    } catch (err) {
      void MessagePlugin.error(messageOf(err))
    }
  }
  return (
    <Space style={{ marginTop: 16, width: '100%' }}>
      <Input value={reason} onChange={setReason} placeholder='查看完整信息的用途，将记入操作日志' maxlength={100} style={{ width: 300 }} />
      <Button variant='outline' onClick={() => void show()}>
        查看完整信息
      </Button>
    </Space>
  )
}

/** 会员详情: one record, masked as the list is; 修改 corrects it (her subtree only, audited). */
export function RosterRecordDrawer(props: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const [record, setRecord] = useState<RosterRecordDTO | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [editing, setEditing] = useState(false)
  useEffect(() => {
    setRecord(null)
    setError(null)
    setEditing(false)
    if (props.id) call('member', 'rosterRecord', { id: props.id }).then(setRecord, (e: unknown) => setError(messageOf(e)))
  }, [props.id])
  const saved = (r: RosterRecordDTO) => {
    setRecord(r)
    setEditing(false)
    props.onChanged()
  }
  return (
    <Drawer visible={props.id !== null} header='会员详情' size='560px' onClose={props.onClose} footer={false} destroyOnClose>
      {error && <Alert theme='error' message={error} />}
      {!record && !error && <Loading text='读取中…' />}
      {record && !editing && (
        <>
          <RecordView r={record} />
          <Space style={{ marginTop: 16 }}>
            <Button id='roster-edit' onClick={() => setEditing(true)}>
              修改
            </Button>
          </Space>
          {!record.revealed && <Reveal id={record.id} onShown={setRecord} />}
        </>
      )}
      {record && editing && <RosterCorrectForm record={record} onSaved={saved} onCancel={() => setEditing(false)} />}
    </Drawer>
  )
}
