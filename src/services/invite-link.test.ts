import { inviteCodeFrom, inviteCodeFromOptions } from './invite-link'

describe('inviteCodeFrom', () => {
  it('reads a bare code as typed or read aloud', () => {
    expect(inviteCodeFrom('abcd-2345')).toBe('ABCD2345')
    expect(inviteCodeFrom(' ABCD 2345 ')).toBe('ABCD2345')
  })

  it('reads the code from every form a QR or a launch can carry', () => {
    expect(inviteCodeFrom('http://127.0.0.1:8080/#/pages/staff/index?code=ABCD2345')).toBe('ABCD2345')
    expect(inviteCodeFrom('pages/staff/index?code=ABCD2345')).toBe('ABCD2345')
    expect(inviteCodeFrom('c%3DABCD2345')).toBe('ABCD2345')
    expect(inviteCodeFrom('pages/staff/index?scene=c%3DABCD2345')).toBe('ABCD2345') // scanCode's path of a mini-program code
    expect(inviteCodeFrom('pages/staff/index?scene=ABCD2345')).toBe('ABCD2345') // the server's code: scene = the code
    expect(inviteCodeFrom('http://127.0.0.1:8080/#/pages/staff/index?scene=ABCD2345')).toBe('ABCD2345') // its local stand-in
  })

  it('finds nothing in text that is not an invite', () => {
    expect(inviteCodeFrom('')).toBe('')
    expect(inviteCodeFrom('hello world')).toBe('')
    expect(inviteCodeFrom('pages/staff/index?code=ABC')).toBe('')
    expect(inviteCodeFrom('ABCD0000')).toBe('') // 0 is not in the alphabet
  })

  it('takes page options in order: code, scene', () => {
    expect(inviteCodeFromOptions({ scene: 'c%3DABCD2345' })).toBe('ABCD2345')
    expect(inviteCodeFromOptions({ scene: 'ABCD2345' })).toBe('ABCD2345')
    expect(inviteCodeFromOptions({ q: encodeURIComponent('https://x.cn/i?code=WXYZ2345') })).toBe('') // no 普通链接 rule any more
    expect(inviteCodeFromOptions({})).toBe('')
  })
})
