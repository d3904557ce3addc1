import { ApiError } from '~src/services/api-error'
import { afterChange, errorCount, placeRefusal, presentErrors, sameNames, withoutField, type FieldErrors } from './form-errors'

type K = 'name' | 'phone' | 'slots'

describe('withoutField: a change clears only the message of the field she changed', () => {
  it('drops that field and keeps the others', () => {
    const errors: FieldErrors<K> = { name: '请填写姓名', phone: '请填写 11 位手机号' }
    expect(withoutField(errors, 'name')).toEqual({ phone: '请填写 11 位手机号' })
    expect(errors).toEqual({ name: '请填写姓名', phone: '请填写 11 位手机号' }) // not mutated
  })

  it('returns the same record when that field had no message (typing in a clean field re-renders nothing)', () => {
    const errors: FieldErrors<K> = { phone: '请填写 11 位手机号' }
    expect(withoutField(errors, 'name')).toBe(errors)
  })
})

describe('afterChange: a message about two fields goes when either changes', () => {
  it('clears the field and the fields linked to it, nothing else', () => {
    const errors: FieldErrors<K> = { name: '请填写姓名', phone: '与姓名不符', slots: '场次有误' }
    const linked = { name: ['phone'] } as const
    expect(afterChange<K>(errors, 'name', linked)).toEqual({ slots: '场次有误' })
    expect(afterChange<K>(errors, 'phone', linked)).toEqual({ name: '请填写姓名', slots: '场次有误' })
    expect(afterChange<K>(errors, 'slots')).toEqual({ name: '请填写姓名', phone: '与姓名不符' })
  })
})

describe('presentErrors / errorCount: checks report passed fields as undefined or empty', () => {
  it('keeps only fields with a message', () => {
    const found: FieldErrors<K> = { name: undefined, phone: '', slots: '场次有误' }
    expect(presentErrors(found)).toEqual({ slots: '场次有误' })
    expect(errorCount(found)).toBe(1)
    expect(errorCount({})).toBe(0)
  })
})

describe('placeRefusal: a server refusal goes under the field it names', () => {
  const invalid = new ApiError('INVALID_ARGUMENT', 'phone')

  it('puts a refusal naming a field of the form under it, with the code’s message', () => {
    expect(placeRefusal<K>(invalid, sameNames(['name', 'phone']))).toEqual({ key: 'phone', message: invalid.message })
  })

  it('lets the form map a server path and word the message itself', () => {
    const fieldOf = (path: string) => (path.startsWith('sites.') ? { key: 'slots' as const, message: '场次有误' } : null)
    expect(placeRefusal<K>(new ApiError('INVALID_ARGUMENT', 'sites.0.sessions'), fieldOf)).toEqual({ key: 'slots', message: '场次有误' })
  })

  it('leaves to the caller a refusal about no field of this form, without a field, or not from the server', () => {
    expect(placeRefusal<K>(new ApiError('INVALID_ARGUMENT', 'cardNo'), sameNames(['name', 'phone']))).toBeNull()
    expect(placeRefusal<K>(new ApiError('SLOT_FULL'), sameNames(['name', 'phone']))).toBeNull()
    expect(placeRefusal<K>(new Error('offline'), sameNames(['name', 'phone']))).toBeNull()
    expect(placeRefusal<K>(invalid, undefined)).toBeNull()
  })
})
