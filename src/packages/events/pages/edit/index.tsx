import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { EventAdminDTO } from '~types/events'
import { BigButton } from '~src/components/big-button'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { useAction } from '~src/hooks/use-action'
import { useRemote } from '~src/hooks/use-remote'
import { ApiError, call, messageOf } from '~src/services/api'
import { scrollToId } from '~src/utils/scroll-to'
import { EventFormFields } from '~src/packages/events/components/event-form'
import { SubItems } from '~src/packages/events/components/sub-items'
import { EMPTY_FORM, formFieldOf, formOf, toRequest, type EventForm } from '~src/packages/events/lib/event-form'
import { useParams } from '~src/hooks/use-params'
import '~src/packages/events/styles.css'

type FieldError = { field: keyof EventForm; message: string }

/** The event being edited (none for a new one), its form, and the save that points at the field a refusal is about. */
function useEventEditor(id: string) {
  const [event, setEvent] = useState<EventAdminDTO | null>(null)
  const [form, setForm] = useState<EventForm>(EMPTY_FORM)
  const [fieldError, setFieldError] = useState<FieldError | null>(null)
  const eventId = event?.id ?? id
  const loaded = useRemote(async (silent) => {
    if (!eventId) return null
    const e = await call('events', 'manageEvent', { eventId }, { silent })
    setEvent(e)
    if (!event) setForm(formOf(e))
    return e
  })
  // The form is long: a refusal scrolls to the field it is about.
  const refuse = (err: FieldError) => {
    setFieldError(err)
    scrollToId(`form-${err.field}`)
  }
  const saving = useAction(async () => {
    const r = toRequest(form, eventId || undefined)
    setFieldError(null)
    if (!r.ok) return refuse({ field: r.field, message: r.message })
    try {
      const saved = await call('events', 'saveEvent', r.request, { loadingText: '正在保存' })
      setEvent(saved)
      Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (err) {
      const field = formFieldOf(err instanceof ApiError ? err.field : undefined)
      if (field) refuse({ field, message: messageOf(err) })
      throw err
    }
  })
  return { event, form, setForm, fieldError, loaded, saving }
}

export default function EditEvent() {
  const { id = '' } = useParams()
  const { event, form, setForm, fieldError, loaded, saving } = useEventEditor(id)

  if (id && !event) {
    return (
      <PageFrame>
        <RemoteView remote={loaded}>{() => null}</RemoteView>
      </PageFrame>
    )
  }
  return (
    <PageFrame className='edit-event'>
      <Text className='ev-title'>{event ? `编辑：${event.title}` : '新建活动'}</Text>
      <View className='card'>
        <EventFormFields form={form} onChange={setForm} error={fieldError} />
        {saving.error && (
          <Text id='form-error' className='error-text'>
            {saving.error}
          </Text>
        )}
        <BigButton id='form-save' loading={saving.busy} onClick={() => void saving.run()}>
          {event ? '保存修改' : '创建活动'}
        </BigButton>
      </View>
      {event ? (
        <SubItems event={event} onChanged={() => void loaded.reload()} />
      ) : (
        <Text className='muted'>创建活动后，可在此添加展位、礼品档位和签到点。</Text>
      )}
    </PageFrame>
  )
}
