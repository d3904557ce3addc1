/**
 * The one client opt-in (subscribe.ts): which topics WeChat says she accepted, read from the template
 * table keyed by function and topic. Taro and the transport are stubbed: only the pure reading is tested.
 */
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }))
jest.mock('./api', () => ({ call: jest.fn() }))

import { acceptedTopics, templateOf, type UpToThree } from './subscribe'

const TABLE = {
  screening: { booking: 'tmpl-booking', result: 'tmpl-result', release: 'tmpl-release' },
  vouchers: { voucher: 'tmpl-voucher' },
}

describe('templateOf', () => {
  it('names the template of one topic of one function, or nothing when it is not configured', () => {
    expect(templateOf('screening', 'result', TABLE)).toBe('tmpl-result')
    expect(templateOf('screening', 'offer', TABLE)).toBe('')
    expect(templateOf('events', 'result', TABLE)).toBe('')
  })
})

describe('acceptedTopics', () => {
  it('keeps exactly the topics whose template she accepted', () => {
    const res = { 'tmpl-booking': 'accept', 'tmpl-result': 'reject', 'tmpl-release': 'ban' }
    expect(acceptedTopics('screening', ['booking', 'result', 'release'], res, TABLE)).toEqual(['booking'])
  })

  it('never counts a topic without a template, even if WeChat answered for an empty id', () => {
    expect(acceptedTopics('screening', ['offer', 'booking'], { '': 'accept', 'tmpl-booking': 'accept' }, TABLE)).toEqual(['booking'])
  })

  it('reads each function in its own table: the same topic name of another function is not hers', () => {
    const res = { 'tmpl-booking': 'accept', 'tmpl-voucher': 'accept' }
    expect(acceptedTopics('vouchers', ['booking', 'voucher'], res, TABLE)).toEqual(['voucher'])
  })

  it('accepts nothing when WeChat answered nothing', () => {
    expect(acceptedTopics('screening', ['booking', 'result'], {}, TABLE)).toEqual([])
  })
})

describe('UpToThree', () => {
  it('lets a page ask for one to three templates a tap, and refuses a fourth by type (wx.requestSubscribeMessage: at most 3)', () => {
    const asked: string[][] = []
    const ask = (topics: UpToThree<'booking' | 'reminder' | 'result' | 'release'>) => asked.push([...topics])
    ask(['booking', 'reminder', 'result'])
    // @ts-expect-error a fourth template in one tap
    ask(['booking', 'reminder', 'result', 'release'])
    // @ts-expect-error none at all
    ask([])
    expect(asked[0]).toEqual(['booking', 'reminder', 'result'])
  })
})
