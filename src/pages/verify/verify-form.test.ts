import { toVerifyRequest, validateVerifyForm, type VerifyForm } from './verify-form'

const form = (over: Partial<VerifyForm>): VerifyForm => ({ name: '李明', by: 'cardNo', cardNo: 'GH3201000123', phone: '', ...over })

describe('validateVerifyForm', () => {
  it('accepts the demo member by card number and by phone', () => {
    expect(validateVerifyForm(form({}))).toEqual({})
    expect(validateVerifyForm(form({ by: 'phone', cardNo: '', phone: '13800000123' }))).toEqual({})
  })

  it('asks for each missing field by name', () => {
    expect(validateVerifyForm(form({ name: '  ', cardNo: '' }))).toEqual({ name: '请填写姓名', cardNo: '请填写会员证号' })
    expect(validateVerifyForm(form({ by: 'phone' }))).toEqual({ phone: '请填写手机号' })
  })

  it('rejects malformed identifiers, and ignores the one not chosen', () => {
    expect(validateVerifyForm(form({ cardNo: 'GH-32' })).cardNo).toBeDefined()
    expect(validateVerifyForm(form({ by: 'phone', phone: '2380000012' })).phone).toBeDefined()
    expect(validateVerifyForm(form({ by: 'phone', phone: '13800000123', cardNo: '!!' }))).toEqual({})
  })
})

describe('toVerifyRequest', () => {
  it('sends only the chosen identifier, trimmed', () => {
    expect(toVerifyRequest(form({ name: ' 李明 ', cardNo: ' gh3201000123 ', phone: '13800000123' }))).toEqual({
      name: '李明',
      cardNo: 'GH3201000123',
    })
    expect(toVerifyRequest(form({ by: 'phone', phone: '13800000123 ' }))).toEqual({ name: '李明', phone: '13800000123' })
  })
})
