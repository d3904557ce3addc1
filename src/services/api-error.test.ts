import { ERROR_MESSAGES, type ErrorCode } from '../../types/errors'
import { ApiError, errorFor, messageOf, unwrapEnvelope } from './api-error'

describe('unwrapEnvelope', () => {
  it('returns the data of a successful envelope', () => {
    expect(unwrapEnvelope({ ok: true, data: { verified: true } })).toEqual({ verified: true })
  })

  it('throws the one Chinese message for every known code, whatever message the server sent', () => {
    for (const code of Object.keys(ERROR_MESSAGES) as ErrorCode[]) {
      const thrown = catchIt(() => unwrapEnvelope({ ok: false, code, message: 'server text' }))
      expect(thrown).toBeInstanceOf(ApiError)
      expect(thrown.code).toBe(code)
      expect(thrown.message).toBe(ERROR_MESSAGES[code])
    }
  })

  it('keeps the offending field so the page can show the error beside it', () => {
    const thrown = catchIt(() => unwrapEnvelope({ ok: false, code: 'INVALID_ARGUMENT', message: 'x', field: 'cardNo' }))
    expect(thrown.field).toBe('cardNo')
  })

  it('reads an unknown code as INTERNAL', () => {
    const thrown = catchIt(() => unwrapEnvelope({ ok: false, code: 'SOMETHING_NEW', message: 'raw' }))
    expect(thrown.code).toBe('INTERNAL')
    expect(thrown.message).toBe(ERROR_MESSAGES.INTERNAL)
  })

  it.each([undefined, null, 'html', { errMsg: 'cloud.callFunction:ok' }, { ok: true }])('treats %p as INTERNAL, never as data', (raw) => {
    expect(catchIt(() => unwrapEnvelope(raw)).code).toBe('INTERNAL')
  })
})

describe('messageOf', () => {
  it('shows the ApiError message and hides anything else behind INTERNAL', () => {
    expect(messageOf(errorFor('RATE_LIMITED'))).toBe(ERROR_MESSAGES.RATE_LIMITED)
    expect(messageOf(new TypeError('x is undefined'))).toBe(ERROR_MESSAGES.INTERNAL)
  })
})

function catchIt(fn: () => unknown): ApiError {
  try {
    fn()
  } catch (err) {
    return err as ApiError
  }
  throw new Error('expected a throw')
}
