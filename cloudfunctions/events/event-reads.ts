/** The two reads every events service starts with: the event (NOT_FOUND otherwise), and her sign-up where one is required. */
import { fail } from '../common/errors'
import type { ActivityRepository } from './activity.repository'
import type { CatalogRepository, EventRec } from './catalog.repository'

export async function loadEvent(catalog: CatalogRepository, eventId: string): Promise<EventRec> {
  return (await catalog.event(eventId)) ?? fail('NOT_FOUND', 'eventId')
}

export async function requireSignedUp(activity: ActivityRepository, event: EventRec, openid: string): Promise<void> {
  if (!event.signUp.required) return
  const s = await activity.signUp(event.id, openid)
  if (s?.state !== 'confirmed') fail('NOT_SIGNED_UP')
}
