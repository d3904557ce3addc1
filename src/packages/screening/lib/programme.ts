import type { ProgrammeCardDTO } from '~types/screening'
import { call } from '~src/services/api'
import { stageOf } from './stage'

/**
 * One programme as she sees it. A page opened without an id (a shared link cut
 * short, a test) falls back to the first programme she can book, else the first.
 */
export async function loadCard(id: string | undefined, silent: boolean): Promise<ProgrammeCardDTO | null> {
  if (id) return call('screening', 'getProgramme', { programmeId: id }, { silent })
  const cards = await call('screening', 'listProgrammes', {}, { silent })
  return cards.find((c) => stageOf(c) === 'open') ?? cards[0] ?? null
}
