import { ERROR_MESSAGES, type ErrorCode } from '~types/errors'
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

describe('lock-out details', () => {
  const now = Date.UTC(2027, 2, 8, 2, 0) // 10:00 in Beijing
  const retryAt = now + 12 * 60_000

  it('says nothing extra while tries are plenty', () => {
    expect(errorFor('VERIFY_MISMATCH', undefined, { attemptsLeft: 4, retryAt }).message).toBe(ERROR_MESSAGES.VERIFY_MISMATCH)
  })

  it('warns on the last tries, naming how many are left and until when a lock-out would last', () => {
    const e = new ApiError('VERIFY_MISMATCH', undefined, { attemptsLeft: 2, retryAt }, now)
    expect(e.message).toBe(`${ERROR_MESSAGES.VERIFY_MISMATCH}。还可尝试 2 次，用完后需等到 10:12 才能再试`)
  })

  it('once locked out, says when to try again in Beijing time and minutes', () => {
    expect(new ApiError('RATE_LIMITED', undefined, { attemptsLeft: 0, retryAt }, now).message).toBe(
      '尝试次数过多，请在 10:12 后再试（约 12 分钟后）',
    )
    expect(new ApiError('VERIFY_MISMATCH', undefined, { attemptsLeft: 0, retryAt }, now).message).toContain(
      '尝试次数已用完，请在 10:12 后再试',
    )
  })

  it('reads details from the envelope and ignores malformed ones', () => {
    expect(catchIt(() => unwrapEnvelope({ ok: false, code: 'RATE_LIMITED', message: 'x', details: { retryAt } })).details).toEqual({
      attemptsLeft: undefined,
      retryAt,
    })
    expect(
      catchIt(() => unwrapEnvelope({ ok: false, code: 'RATE_LIMITED', message: 'x', details: { retryAt: 'soon' } })).details,
    ).toBeUndefined()
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
