import { useState } from 'react'
import { Dialog, Input, MessagePlugin, Radio } from 'tdesign-react'
import { messageOf } from '../../api'
import { downloadCsv } from '../../download-csv'

/**
 * An export: masked by default; full names, card numbers and phones only with a typed reason, which the
 * action records in the audit log. `run` makes the call and answers the file's name and CSV text.
 */
export function ExportDialog(props: {
  title: string
  visible: boolean
  onClose: () => void
  run: (full: boolean, reason: string) => Promise<{ filename: string; csv: string; rows: number }>
}) {
  const [full, setFull] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const go = async () => {
    if (full && reason.trim().length < 4) return void MessagePlugin.warning('导出完整信息须填写用途（至少 4 个字）')
    setBusy(true)
    try {
      const out = await props.run(full, reason.trim())
      downloadCsv(out.filename, out.csv)
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
      confirmBtn={{ content: '下载 CSV', loading: busy }}
      cancelBtn='取消'
      onConfirm={() => void go()}
      onClose={props.onClose}
      width={520}
    >
      <Radio.Group value={full ? 'full' : 'masked'} onChange={(v) => setFull(v === 'full')}>
        <Radio value='masked'>隐藏部分个人信息（推荐）</Radio>
        <Radio value='full'>完整信息</Radio>
      </Radio.Group>
      {full && (
        <div style={{ marginTop: 16 }}>
          <p style={{ marginTop: 0 }}>完整信息含姓名、证号和手机号。请写明用途，将记入操作日志：</p>
          <Input className='export-reason' value={reason} onChange={setReason} placeholder='例如：交筛查医院核对名单' maxlength={100} />
        </div>
      )}
    </Dialog>
  )
}
