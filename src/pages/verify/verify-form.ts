import type { VerifyRequest } from '~types/member'

export type VerifyBy = 'cardNo' | 'phone'

export interface VerifyForm {
  name: string
  by: VerifyBy
  cardNo: string
  phone: string
}

export type VerifyErrors = Partial<Record<'name' | 'cardNo' | 'phone', string>>

/** Checks what can be checked before asking the server, with messages that say how to fix it. */
export function validateVerifyForm(form: VerifyForm): VerifyErrors {
  const errors: VerifyErrors = {}
  const name = form.name.trim()
  if (!name) errors.name = '请填写姓名'
  else if (name.length < 2 || name.length > 20) errors.name = '姓名应为 2 到 20 个字'
  if (form.by === 'cardNo') {
    const card = form.cardNo.trim()
    if (!card) errors.cardNo = '请填写会员证号'
    else if (!/^[A-Za-z0-9]{4,32}$/.test(card)) errors.cardNo = '会员证号只包含字母和数字，请核对'
  } else {
    const phone = form.phone.trim()
    if (!phone) errors.phone = '请填写手机号'
    else if (!/^1\d{10}$/.test(phone)) errors.phone = '请填写 11 位手机号'
  }
  return errors
}

/** Sends only the chosen identifier, normalised as the roster stores it. */
export function toVerifyRequest(form: VerifyForm): VerifyRequest {
  const name = form.name.trim()
  return form.by === 'cardNo' ? { name, cardNo: form.cardNo.trim().toUpperCase() } : { name, phone: form.phone.trim() }
}
