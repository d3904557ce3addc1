import { Refusal } from '~src/hooks/use-action'
import { ownTextMessage } from './own-text.rules'

/** Runs a save of her own text; a CONTENT_RISKY refusal is shown naming its field (own-text.rules.ts). */
export async function withOwnText<T>(labels: Record<string, string>, save: () => Promise<T>): Promise<T> {
  try {
    return await save()
  } catch (err) {
    const message = ownTextMessage(err, labels)
    throw message ? new Refusal(message) : err
  }
}
