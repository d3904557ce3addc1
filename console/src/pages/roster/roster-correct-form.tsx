import { useState } from 'react'
import { Button, Form, Input, MessagePlugin, Radio, Select, Space, TagInput } from 'tdesign-react'
import type { CorrectRosterRequest, RosterRecordDTO } from '~types/member'
import { unionChoices } from '~src/components/union-picker/union-choices'
import { call, messageOf } from '../../api'
import { useRemote } from '../../use-remote'

const { FormItem } = Form

/** The rules an imported row keeps (roster-csv.rules.ts), said in Chinese before the function is asked. */
function problems(v: { name: string; phone: string; tags: string[] }): Record<string, string> {
  const out: Record<string, string> = {}
  const name = v.name.replace(/\s+/g, '')
  if (v.name && [...name].length > 20) out.name = '姓名不能超过 20 个字'
  if (v.name && !name) out.name = '姓名不能只有空格'
  const phone = v.phone.replace(/[\s-]/g, '')
  if (phone && !/^1[3-9]\d{9}$/.test(phone)) out.phone = '手机号应为 11 位手机号码，如 13912345678'
  if (v.tags.length > 10) out.tags = '标签最多 10 个'
  else if (v.tags.some((t) => [...t.trim()].length > 10 || !t.trim())) out.tags = '每个标签 1–10 个字'
  return out
}

/**
 * 修改 one record: only what she changes is sent (the name and phone are masked, so their boxes start empty:
 * a blank box keeps the value). Her union or one below it; every correction is audited by the function.
 */
export function RosterCorrectForm(props: { record: RosterRecordDTO; onSaved: (r: RosterRecordDTO) => void; onCancel: () => void }) {
  const r = props.record
  const [v, setV] = useState({ name: '', phone: '', gender: r.gender as string, unionId: r.unionId ?? '', tags: r.tags })
  const [busy, setBusy] = useState(false)
  const unions = useRemote(() => call('member', 'listUnions', {}))
  const errors = problems(v)
  const save = async () => {
    if (Object.keys(errors).length) return void MessagePlugin.warning(Object.values(errors)[0])
    const req: CorrectRosterRequest = { id: r.id }
    if (v.name.trim()) req.name = v.name.trim()
    if (v.phone.trim()) req.phone = v.phone.trim()
    if (v.gender !== r.gender) req.gender = v.gender as CorrectRosterRequest['gender']
    if (v.unionId && v.unionId !== r.unionId) req.unionId = v.unionId
    if (v.tags.join('|') !== r.tags.join('|')) req.tags = v.tags.map((t) => t.trim())
    if (Object.keys(req).length === 1) return void MessagePlugin.info('没有修改任何内容')
    setBusy(true)
    try {
      props.onSaved(await call('member', 'correctRoster', req))
      void MessagePlugin.success('已保存修改')
    } catch (err) {
      void MessagePlugin.error(messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  const status = (k: string) => (errors[k] ? { status: 'error' as const, tips: errors[k] } : {})
  const set = (k: keyof typeof v) => (value: unknown) => setV((s) => ({ ...s, [k]: value }))

  return (
    <Form labelWidth={88} id='roster-correct' onSubmit={() => void save()}>
      <FormItem label='姓名' {...status('name')}>
        <Input className='correct-name' value={v.name} onChange={set('name')} placeholder={`现为 ${r.name}，不改请留空`} />
      </FormItem>
      <FormItem label='手机号' {...status('phone')}>
        <Input className='correct-phone' value={v.phone} onChange={set('phone')} placeholder={`现为 ${r.phone || '未填'}，不改请留空`} />
      </FormItem>
      <FormItem label='性别'>
        <Radio.Group value={v.gender} onChange={set('gender')}>
          <Radio value='F'>女</Radio>
          <Radio value='M'>男</Radio>
          <Radio value=''>未填</Radio>
        </Radio.Group>
      </FormItem>
      <FormItem label='所属工会'>
        <Select
          className='correct-union'
          value={v.unionId || undefined}
          onChange={(id) => set('unionId')(String(id))}
          loading={unions.loading}
          placeholder={unions.error ? '工会组织读取失败' : r.branch}
          options={unionChoices(unions.data?.unions ?? []).map((c) => ({ value: c.id, label: c.label }))}
        />
      </FormItem>
      <FormItem label='标签' {...status('tags')}>
        <TagInput value={v.tags} onChange={(t) => set('tags')(t.map(String))} placeholder='输入后按回车，如 劳模' clearable />
      </FormItem>
      <FormItem>
        <Space>
          <Button id='roster-correct-save' type='submit' loading={busy}>
            保存修改
          </Button>
          <Button variant='outline' onClick={props.onCancel}>
            取消
          </Button>
        </Space>
      </FormItem>
    </Form>
  )
}
