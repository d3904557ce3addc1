import { useState } from 'react'
import { Dialog, Input, MessagePlugin, Radio } from 'tdesign-react'
import { messageOf } from './api'
import { downloadExport, type ExportFormat } from './download-export'
import { ExportFormatPicker } from './export-format'

/**
 * Every export of the console: Excel (default: what an officer opens) or CSV; where the rows name people,
 * masked by default, with full names, card numbers and phones only for a typed reason, which the action
 * records in the audit log. `run` makes the call and answers the file's name and CSV text.
 */
export function ExportDialog(props: {
  title: string
  visible: boolean
  onClose: () => void
  /** Rows about people: offer 完整信息 with a reason (`reasonExample` shows what a reason looks like). */
  personal?: { reasonExample: string }
  run: (full: boolean, reason: string) => Promise<{ filename: string; csv: string; rows: number }>
}) {
  const [full, setFull] = useState(false)
  const [reason, setReason] = useState('')
  const [format, setFormat] = useState<ExportFormat>('xlsx')
  const [busy, setBusy] = useState(false)
  const go = async () => {
    if (full && reason.trim().length < 4) return void MessagePlugin.warning('导出完整信息须填写用途（至少 4 个字）')
    setBusy(true)
    try {
      const out = await props.run(full, reason.trim())
      await downloadExport(out.filename, out.csv, format)
      void MessagePlugin.success(`已导出 ${out.rows} 行`)
      setFull(false)
      setReason('')
      props.onClose()
    } catch (err) {
      void MessagePlugin.error(messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Dialog
      visible={props.visible}
      header={props.title}
      confirmBtn={{ content: format === 'xlsx' ? '下载 Excel' : '下载 CSV', loading: busy }}
      cancelBtn='取消'
      onConfirm={() => void go()}
      onClose={props.onClose}
      width={560}
    >
      <p style={{ marginTop: 0 }}>文件格式：</p>
      <ExportFormatPicker value={format} onChange={setFormat} />
      {props.personal && (
        <>
          <p>个人信息：</p>
          <Radio.Group value={full ? 'full' : 'masked'} onChange={(v) => setFull(v === 'full')}>
            <Radio value='masked'>隐藏部分个人信息（推荐）</Radio>
            <Radio value='full'>完整信息</Radio>
          </Radio.Group>
        </>
      )}
      {props.personal && full && (
        <div style={{ marginTop: 16 }}>
          <p style={{ marginTop: 0 }}>完整信息含姓名、证号和手机号。请写明用途，将记入操作日志：</p>
          <Input
            className='export-reason'
            value={reason}
            onChange={setReason}
            placeholder={`例如：${props.personal.reasonExample}`}
            maxlength={100}
          />
        </div>
      )}
    </Dialog>
  )
}
