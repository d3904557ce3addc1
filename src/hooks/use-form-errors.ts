import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { scrollToFirstError } from '../utils/scroll-to'
import { afterChange, errorCount, placeRefusal, presentErrors, type FieldErrors, type Linked, type ServerFieldOf } from './form-errors'

export interface FormErrorsOptions<K extends string> {
  /** Where the server's INVALID_ARGUMENT `field` goes on this form (form-errors.ts `sameNames` when it names fields as the form does). */
  fieldOf?: ServerFieldOf<K>
  /** The id of the form's container, when the page holds more than one form: scrolling stays inside it. */
  scope?: string
  /** Fields whose change also settles another's message (form-errors.ts `Linked`). */
  linked?: Linked<K>
}

export interface FormErrors<K extends string> {
  errors: FieldErrors<K>
  /** The message for a field's `error` prop; undefined when it has none. */
  of: (key: K) => string | undefined
  /** How many fields are marked now (a summary above the button stays true as she fixes them). */
  count: number
  /** Call whenever a field changes: its message was about the value she just replaced, so it goes. */
  changed: (key: K) => void
  /** A submit's checks: shows what they found (only that), scrolls to the first in page order; true when nothing was wrong. */
  check: (found: FieldErrors<K>) => boolean
  /** A failed save: a refusal about one of this form's fields goes under it (true); anything else is the caller's to show (false). */
  place: (err: unknown) => boolean
  clear: () => void
}

/**
 * The form kit: one home for a form's field errors, from its own checks and
 * from the server. Each form keeps its checks; this keeps the two things every
 * form got wrong its own way: a message outliving the value it was about
 * (issue 19, defect 23) and a long form refusing out of sight (defect 5).
 */
export function useFormErrors<K extends string>(opts: FormErrorsOptions<K> = {}): FormErrors<K> {
  const [errors, setErrors] = useState<FieldErrors<K>>({})
  // Bumped by a refusal: the scroll runs once the marked fields are on the page.
  const [refused, setRefused] = useState(0)
  const { fieldOf, scope, linked } = opts
  useEffect(() => {
    if (refused) scrollToFirstError(scope)
  }, [refused, scope])
  const show = useCallback((found: FieldErrors<K>) => {
    setErrors(found)
    setRefused((n) => n + 1)
  }, [])
  const linkedRef = useRef(linked)
  linkedRef.current = linked
  const changed = useCallback((key: K) => setErrors((e) => afterChange(e, key, linkedRef.current)), [])
  const check = useCallback(
    (found: FieldErrors<K>) => {
      const present = presentErrors(found)
      const clean = errorCount(present) === 0
      if (clean) setErrors({})
      else show(present)
      return clean
    },
    [show],
  )
  const place = useCallback(
    (err: unknown) => {
      const placed = placeRefusal(err, fieldOf)
      if (placed) show({ [placed.key]: placed.message } as FieldErrors<K>)
      return !!placed
    },
    [fieldOf, show],
  )
  const clear = useCallback(() => setErrors({}), [])
  return useMemo(
    () => ({ errors, of: (key: K) => errors[key] || undefined, count: errorCount(errors), changed, check, place, clear }),
    [errors, changed, check, place, clear],
  )
}
