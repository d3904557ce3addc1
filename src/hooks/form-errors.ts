/**
 * The pure half of the form kit (use-form-errors.ts): a form's messages by
 * field, as a plain record. Kept apart from React so the rules (what a change
 * clears, where a server refusal goes) are unit-tested without a page.
 */
import { ApiError } from '~src/services/api-error'

/** One message per field; a field that passed has none (undefined or ''). */
export type FieldErrors<K extends string> = Partial<Record<K, string>>

/** Where a server refusal belongs: a key of this form (its own message shown), or the key with a message of the form's own. */
export type Placement<K extends string> = K | { key: K; message: string } | null

/** Maps the server's field path (`sites.0.phone`) and its refusal to a field of this form; null: not about one of its fields. */
export type ServerFieldOf<K extends string> = (path: string, err: ApiError) => Placement<K>

/** Only the fields that carry a message: checks report passed fields as undefined. */
export function presentErrors<K extends string>(errors: FieldErrors<K>): FieldErrors<K> {
  return Object.fromEntries(Object.entries(errors).filter(([, m]) => typeof m === 'string' && m.length > 0)) as FieldErrors<K>
}

export const errorCount = <K extends string>(errors: FieldErrors<K>): number => Object.keys(presentErrors(errors)).length

/**
 * The record without `key`'s message: she changed that field, so its message is
 * about a value no longer there. The same record when it had none, so typing in
 * a clean field does not re-render the form.
 */
export function withoutField<K extends string>(errors: FieldErrors<K>, key: K): FieldErrors<K> {
  if (!errors[key]) return errors
  const next = { ...errors }
  delete next[key]
  return next
}

/**
 * Messages that are about more than one field: 使用天数's compares it with 领取天数, so a
 * change to either settles it. Maps a field to the other fields whose message it also clears.
 */
export type Linked<K extends string> = Partial<Record<K, readonly K[]>>

/** The record after a change of `key`: its own message and those of the fields linked to it go. */
export function afterChange<K extends string>(errors: FieldErrors<K>, key: K, linked: Linked<K> = {}): FieldErrors<K> {
  return [key, ...(linked[key] ?? [])].reduce(withoutField, errors)
}

/** A refusal the server made about one field of this form, as the key and message to show under it; null otherwise. */
export function placeRefusal<K extends string>(err: unknown, fieldOf: ServerFieldOf<K> | undefined): { key: K; message: string } | null {
  if (!(err instanceof ApiError) || !err.field || !fieldOf) return null
  const placed = fieldOf(err.field, err)
  if (placed === null) return null
  return typeof placed === 'object' ? placed : { key: placed, message: err.message }
}

/** The common mapping: the server names the field exactly as the form does (`name`, `cardNo`). */
export function sameNames<K extends string>(keys: readonly K[]): ServerFieldOf<K> {
  return (path) => (keys.includes(path as K) ? (path as K) : null)
}
