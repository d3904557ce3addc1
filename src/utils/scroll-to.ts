import Taro from '@tarojs/taro'

/**
 * Brings an element into view: the first error of a long form, the next step
 * of a booking. In the browser scrollIntoView measures the real layout (Taro's
 * H5 pageScrollTo uses offsetTop, wrong inside positioned boxes); WeChat
 * scrolls the page to the selector. Waits a frame so a just-rendered element exists.
 */
export function scrollToId(id: string): void {
  setTimeout(() => {
    if (process.env.TARO_ENV === 'h5') {
      document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'start' })
      return
    }
    Taro.pageScrollTo({ selector: `#${id}`, offsetTop: -16, duration: 250 }).catch(() => undefined)
  }, 50)
}
