/**
 * The building blocks of every function's input schemas. Objects are strict
 * (an unknown key is INVALID_ARGUMENT naming it, never silently dropped) and
 * text refuses characters that hide or reorder what an officer or member reads:
 * control characters (NUL included), bidirectional overrides, zero-width marks.
 */
import { z } from 'zod'
import { isCalendarDate } from './time'

// C0/C1 controls except tab and line breaks (multi-line text allows those); bidi embeddings, overrides,
// isolates and marks; zero-width space/joiners, word joiner, BOM.
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's whole job
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/
const LINE_BREAKS = /[\t\r\n\u2028\u2029]/
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u180E]/

/** Why a text is unsafe to store and show, or null. Exported for CSV cells and roster rows. */
export function unsafeTextReason(s: string, multiline = false): string | null {
  if (CONTROL.test(s) || (!multiline && LINE_BREAKS.test(s))) return '含有控制字符'
  if (BIDI.test(s)) return '含有文字方向控制字符'
  if (ZERO_WIDTH.test(s)) return '含有不可见字符'
  return null
}

/** Trimmed text of 1..max characters (min 0 with `optional text`), free of unsafe characters. */
export function safeText(max: number, opts: { min?: number; multiline?: boolean } = {}) {
  return z
    .string()
    .max(max * 2) // a cheap bound before the trim; the real one follows
    .refine((s) => unsafeTextReason(s, opts.multiline) === null, { message: 'unsafe characters' })
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(opts.min ?? 1)
        .max(max),
    )
}

/** A document id chosen by our code or an officer: letters, digits, `_` and `-`. */
export function id(max = 64) {
  return z.string().regex(new RegExp(`^[A-Za-z0-9_-]{1,${max}}$`))
}

/** UTC milliseconds between 2000 and 2100. */
export const instant = z.int().min(946_684_800_000).max(4_102_444_800_000)

/** A calendar date `YYYY-MM-DD` (Beijing time). */
export const calendarDate = z.string().refine(isCalendarDate)

/** `HH:mm`, 00:00–23:59. */
export const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)

/** Money in integer fen (分); at most ¥100,000,000. */
export const fen = z.int().min(0).max(10_000_000_000)

/** An opaque page cursor handed out by a previous page. */
export const cursor = z.string().regex(/^[A-Za-z0-9_=-]{1,200}$/)

/** A page size of 1..max (default applied by the service). */
export const pageSize = (max = 50) => z.int().min(1).max(max)

/**
 * A map over a closed set of keys (a mixer's places per sector): a strict object whose keys are all
 * optional. Not `z.record`: zod's records drop a `__proto__` key silently instead of refusing it.
 */
export function keyedBy<K extends string, V extends z.ZodType>(keys: readonly [K, ...K[]], value: V) {
  return z.strictObject(Object.fromEntries(keys.map((k) => [k, value.optional()])) as { [P in K]: z.ZodOptional<V> })
}

/** An action without input. */
export const empty = z.strictObject({})

/** Base64 of raw bytes (e.g. an uploaded file), at most `maxBytes` once decoded. */
export function base64Bytes(maxBytes: number) {
  return z
    .string()
    .max(Math.ceil(maxBytes / 3) * 4 + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/)
}
