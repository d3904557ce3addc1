import type { FormErrors, FormKey, ProgrammeForm } from '~src/packages/screening/lib/programme-form'

/** What every section of the programme form gets: the whole form, a setter per field, and the errors by field. */
export interface SectionProps {
  form: ProgrammeForm
  set: <K extends FormKey>(key: K, value: ProgrammeForm[K]) => void
  errors: FormErrors
}
