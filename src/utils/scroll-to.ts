import Taro from '@tarojs/taro'

/**
 * Brings the first element matching `selector` into view: the first error of a
 * long form, the next step of a booking. In the browser scrollIntoView measures
 * the real layout (Taro's H5 pageScrollTo uses offsetTop, wrong inside
 * positioned boxes); WeChat scrolls the page to the selector. Waits a moment so
 * an element rendered by the same tap exists.
 */
export function scrollToSelector(selector: string): void {
  setTimeout(() => {
    if (process.env.TARO_ENV === 'h5') {
      document.querySelector(selector)?.scrollIntoView({ behavior: 'smooth', block: 'start' })
      return
    }
    Taro.pageScrollTo({ selector, offsetTop: -16, duration: 250 }).catch(() => undefined)
  }, 80)
}

export const scrollToId = (id: string): void => scrollToSelector(`#${id}`)

/** The first field marked wrong, wherever it sits in the form. */
export const scrollToFirstError = (): void => scrollToSelector('.field--error, .field__error')
