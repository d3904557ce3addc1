/**
 * The one type scale (type-scale.ts) as WeChat gives it: the phone's fontSizeScaleFactor, raised to the
 * 关怀模式 size by 长辈版; and notify(), a toast normally and a banner that waits for her in 长辈版.
 * Taro is a stand-in holding the phone's answers and its storage.
 */
const phone: { info: Record<string, unknown> | (() => never); storage: Record<string, unknown>; toasts: string[] } = {
  info: {},
  storage: {},
  toasts: [],
}
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getAppBaseInfo: () => (typeof phone.info === 'function' ? phone.info() : phone.info),
    getSystemInfoSync: () => ({}),
    getStorageSync: (k: string) => phone.storage[k] ?? '',
    setStorageSync: (k: string, v: unknown) => {
      phone.storage[k] = v
    },
    showToast: ({ title, icon }: { title: string; icon: string }) => {
      phone.toasts.push(icon === 'none' ? `${title} (no icon)` : title)
      return Promise.resolve()
    },
  },
}))

import { currentNotice, dismissNotice, notify } from './notify'
import { onTypeScale, readTypeScale, setElder } from './type-scale'

beforeEach(() => {
  phone.info = {}
  phone.storage = {}
  phone.toasts = []
  dismissNotice()
})

describe('readTypeScale', () => {
  it("follows WeChat's font setting: 1 at the standard size, 1.4 at 关怀模式, within 1 … 2", () => {
    expect(readTypeScale()).toEqual({ factor: 1, elder: false })
    phone.info = { fontSizeScaleFactor: 1.4 }
    expect(readTypeScale().factor).toBe(1.4)
    phone.info = { fontSizeScaleFactor: 0.94 } // WeChat's smaller step: the 16 px floor still holds
    expect(readTypeScale().factor).toBe(1)
    phone.info = { fontSizeScaleFactor: 3.2 }
    expect(readTypeScale().factor).toBe(2)
    phone.info = () => {
      throw new Error('not supported')
    }
    expect(readTypeScale().factor).toBe(1)
  })

  it('长辈版 gives at least the 关怀模式 size and never less than the phone asks for', () => {
    const seen: number[] = []
    const stop = onTypeScale((s) => seen.push(s.factor))
    setElder(true)
    expect(readTypeScale()).toEqual({ factor: 1.4, elder: true })
    phone.info = { fontSizeScaleFactor: 1.6 }
    expect(readTypeScale().factor).toBe(1.6)
    setElder(false)
    expect(readTypeScale()).toEqual({ factor: 1.6, elder: false })
    stop()
    expect(seen).toEqual([1.4, 1.6])
  })
})

describe('notify', () => {
  it('is a toast normally, and in 长辈版 a banner that stays until dismissed', () => {
    notify('已保存')
    expect(phone.toasts).toEqual(['已保存'])
    expect(currentNotice()).toBeNull()
    setElder(true)
    notify('报名成功')
    expect(phone.toasts).toEqual(['已保存'])
    expect(currentNotice()?.text).toBe('报名成功')
    dismissNotice()
    expect(currentNotice()).toBeNull()
  })

  it('says a message longer than 7 characters whole: without the icon, which would cut it at 7', () => {
    notify('已获得工作人员身份')
    expect(phone.toasts).toEqual(['已获得工作人员身份 (no icon)'])
  })
})
