import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { EventAdminDTO } from '~types/events'
import { BigButton } from '~src/components/big-button'
import { PageFrame } from '~src/components/page-frame'
import { RemoteView } from '~src/components/remote-view'
import { useAction } from '~src/hooks/use-action'
import { useFormErrors } from '~src/hooks/use-form-errors'
import { useRemote } from '~src/hooks/use-remote'
import { call } from '~src/services/api'
import { EventFormFields } from '~src/packages/events/components/event-form'
import { SubItems } from '~src/packages/events/components/sub-items'
import { EMPTY_FORM, formFieldOf, formOf, toRequest, type EventForm } from '~src/packages/events/lib/event-form'
import { useParams } from '~src/hooks/use-params'
import { notify } from '~src/services/notify'
import '~src/packages/events/styles.css'

/** The event being edited (none for a new one), its form, and the save that marks (and scrolls to) the field a refusal is about. */
function useEventEditor(id: string) {
  const [event, setEvent] = useState<EventAdminDTO | null>(null)
  const [form, setForm] = useState<EventForm>(EMPTY_FORM)
  const errors = useFormErrors<keyof EventForm>({ fieldOf: formFieldOf, scope: 'event-form' })
  const set = <K extends keyof EventForm>(k: K, v: EventForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }))
    errors.changed(k)
  }
  const eventId = event?.id ?? id
  const loaded = useRemote(async (silent) => {
    if (!eventId) return null
    const e = await call('events', 'manageEvent', { eventId }, { silent })
    setEvent(e)
    if (!event) setForm(formOf(e))
    return e
  })
  const saving = useAction(async () => {
    const r = toRequest(form, eventId || undefined)
    if (!errors.check(r.ok ? {} : { [r.field]: r.message }) || !r.ok) return
    try {
      const saved = await call('events', 'saveEvent', r.request, { loadingText: '正在保存' })
      setEvent(saved)
      notify('已保存')
    } catch (err) {
      if (!errors.place(err)) throw err
    }
  })
  return { event, form, set, errors, loaded, saving }
}

export default function EditEvent() {
  const { id = '' } = useParams()
  const { event, form, set, errors, loaded, saving } = useEventEditor(id)

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
        <EventFormFields form={form} set={set} errors={errors.errors} editing={!!event} />
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
