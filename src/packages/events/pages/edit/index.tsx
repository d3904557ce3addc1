import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { EventAdminDTO } from '../../../../../types/events'
import { BigButton } from '../../../../components/big-button'
import { StateView } from '../../../../components/state-view'
import { ApiError, call, messageOf } from '../../../../services/api'
import { EventFormFields } from '../../components/event-form'
import { SubItems } from '../../components/sub-items'
import { EMPTY_FORM, formFieldOf, formOf, toRequest, type EventForm } from '../../lib/event-form'
import { useParams } from '../../lib/page-params'
import { useRemote } from '../../lib/use-remote'
import '../../styles.css'

export default function EditEvent() {
  const { id = '' } = useParams()
  const [event, setEvent] = useState<EventAdminDTO | null>(null)
  const [form, setForm] = useState<EventForm>(EMPTY_FORM)
  const [fieldError, setFieldError] = useState<{ field: keyof EventForm; message: string } | null>(null)
  const [saveError, setSaveError] = useState('')
  const [busy, setBusy] = useState(false)
  const eventId = event?.id ?? id
  const loaded = useRemote(async () => {
    if (!eventId) return null
    const e = await call('events', 'manageEvent', { eventId }, { idempotent: true })
    setEvent(e)
    if (!event) setForm(formOf(e))
    return e
  })

  const save = async () => {
    const r = toRequest(form, eventId || undefined)
    setFieldError(r.ok ? null : { field: r.field, message: r.message })
    setSaveError('')
    if (!r.ok) return
    setBusy(true)
    try {
      const saved = await call('events', 'saveEvent', r.request, { idempotent: true, loadingText: '正在保存' })
      setEvent(saved)
      Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (err) {
      const field = formFieldOf(err instanceof ApiError ? err.field : undefined)
      if (field) setFieldError({ field, message: messageOf(err) })
      setSaveError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  if (id && !event) return <View className='page'><StateView state={loaded.error ? 'error' : 'loading'} message={loaded.error || undefined} onRetry={() => void loaded.reload()} /></View>
  return (
    <View className='page edit-event'>
      <Text className='ev-title'>{event ? `编辑：${event.title}` : '新建活动'}</Text>
      <View className='card'>
        <EventFormFields form={form} onChange={setForm} error={fieldError} />
        {saveError && <Text id='form-error' className='error-text'>{saveError}</Text>}
        <BigButton id='form-save' loading={busy} onClick={() => void save()}>{event ? '保存修改' : '创建活动'}</BigButton>
      </View>
      {event ? <SubItems event={event} onChanged={() => void loaded.reload(true)} /> : <Text className='muted'>创建活动后，可在此添加展位、礼品档位和签到点。</Text>}
    </View>
  )
}
