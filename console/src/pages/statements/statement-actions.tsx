import { useState } from 'react'
import { Button, Dialog, DialogPlugin, MessagePlugin, Select, Space, Textarea } from 'tdesign-react'
import type { StatementDTO } from '~types/vouchers'
import { formatShanghai } from '~src/utils/datetime'
import { yuan } from '~src/packages/vouchers/lib/money'
import { call, messageOf } from '../../api'
import type { StatementRef } from '../vouchers/statement-view'

/**
 * The manager's two answers to a statement: 确认 (with the digest she read, so a row that landed since is
 * refused rather than confirmed unseen) once the period has closed, or 提出异议 about it or one row.
 */
export function StatementActions({ at, s, reload }: { at: StatementRef; s: StatementDTO; reload: () => void }) {
  const [disputing, setDisputing] = useState(false)
  const [rowId, setRowId] = useState('')
  const [note, setNote] = useState('')
  const [sending, setSending] = useState(false)
  const closed = Date.now() >= s.closesAt

  const confirm = () => {
    const dialog = DialogPlugin.confirm({
      header: '确认对账单',
      body: `确认 ${s.merchantName} 本期对账无误：核销 ${s.totals.redemptions} 笔，工会承担 ${yuan(s.totals.unionFen)}。确认后如有新记录，确认会失效。`,
      confirmBtn: '确认无误',
      cancelBtn: '取消',
      onConfirm: async () => {
        dialog.update({ confirmLoading: true })
        try {
          await call('vouchers', 'confirmStatement', { ...at, digest: s.digest })
          void MessagePlugin.success('已确认')
          reload()
        } catch (err) {
          void MessagePlugin.error(messageOf(err))
          reload()
        } finally {
          dialog.destroy()
        }
      },
      onClose: () => dialog.destroy(),
    })
  }

  const dispute = async () => {
    setSending(true)
    try {
      await call('vouchers', 'disputeStatement', { ...at, note: note.trim(), ...(rowId ? { rowId } : {}) })
      void MessagePlugin.success('异议已提交')
      setDisputing(false)
      reload()
    } catch (err) {
      void MessagePlugin.error(messageOf(err))
    } finally {
      setSending(false)
    }
  }

  if (s.state === 'confirmed') return null
  return (
    <Space className='statement-actions' align='center'>
      <Button id='statement-confirm' disabled={!closed} onClick={confirm}>
        确认无误
      </Button>
      <Button id='statement-dispute' theme='danger' variant='outline' onClick={() => setDisputing(true)}>
        提出异议
      </Button>
      {!closed && <span className='muted'>本期结束并留出补录时间后（{formatShanghai(s.closesAt)}）可以确认</span>}
      <Dialog
        visible={disputing}
        header='对账单异议'
        confirmBtn={{ content: '提交异议', loading: sending, disabled: !note.trim() }}
        cancelBtn='取消'
        onConfirm={() => void dispute()}
        onClose={() => setDisputing(false)}
      >
        <p>有异议的记录（可不选，表示整张对账单）：</p>
        <Select
          className='dispute-row'
          clearable
          value={rowId || undefined}
          onChange={(v) => setRowId(v ? String(v) : '')}
          options={s.rows.map((r) => ({
            value: r.id,
            label: `${formatShanghai(r.at, 'M月D日 HH:mm')} ${r.till} ${r.memberMasked} ${yuan(r.billFen)}`,
          }))}
        />
        <p>说明（最多 200 字）：</p>
        <Textarea value={note} onChange={(v) => setNote(String(v))} maxlength={200} placeholder='如：这笔消费已退款' />
      </Dialog>
    </Space>
  )
}
