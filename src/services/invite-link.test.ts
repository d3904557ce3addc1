import { inviteCodeFrom, inviteCodeFromOptions, inviteLink } from './invite-link'

describe('inviteLink', () => {
  const env = process.env.TARO_ENV
  afterEach(() => {
    process.env.TARO_ENV = env
    delete process.env.TARO_APP_INVITE_LINK
  })

  it('H5: the redeem page of this site with the code filled in', () => {
    process.env.TARO_ENV = 'h5'
    expect(inviteLink('ABCD2345', 'http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080/#/pages/staff/index?code=ABCD2345')
  })

  it('weapp: the configured 普通链接 prefix, else the page path the in-app scanner reads', () => {
    process.env.TARO_ENV = 'weapp'
    expect(inviteLink('ABCD2345')).toBe('pages/staff/index?code=ABCD2345')
    process.env.TARO_APP_INVITE_LINK = 'https://gh.example.cn/invite'
    expect(inviteLink('ABCD2345')).toBe('https://gh.example.cn/invite?code=ABCD2345')
  })
})

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
    expect(inviteCodeFrom(encodeURIComponent('https://gh.example.cn/invite?code=ABCD2345'))).toBe('ABCD2345')
  })

  it('finds nothing in text that is not an invite', () => {
    expect(inviteCodeFrom('')).toBe('')
    expect(inviteCodeFrom('hello world')).toBe('')
    expect(inviteCodeFrom('pages/staff/index?code=ABC')).toBe('')
    expect(inviteCodeFrom('ABCD0000')).toBe('') // 0 is not in the alphabet
  })

  it('takes page options in order: code, scene, q', () => {
    expect(inviteCodeFromOptions({ scene: 'c%3DABCD2345' })).toBe('ABCD2345')
    expect(inviteCodeFromOptions({ q: encodeURIComponent('https://x.cn/i?code=WXYZ2345') })).toBe('WXYZ2345')
    expect(inviteCodeFromOptions({})).toBe('')
  })
})
