import Taro from '@tarojs/taro'

/** What marks a field as wrong: the Field's frame and any message the kit's FieldError shows (src/components/field). */
const ERROR_SELECTOR = '.field--error, .field__error'

/**
 * The first match that is on the page she is looking at: the H5 router keeps
 * earlier pages in the document (hidden), and a match there cannot be scrolled to.
 */
function firstShown(selector: string): Element | undefined {
  return Array.from(document.querySelectorAll(selector)).find((el) => el.getClientRects().length > 0)
}

/**
 * Brings the first element matching `selector` into view: the first error of a
 * long form, the next step of a booking. In the browser scrollIntoView measures
 * the real layout (Taro's H5 pageScrollTo uses offsetTop, wrong inside
 * positioned boxes); WeChat scrolls the page to the selector. Waits a moment so
 * an element rendered by the same tap exists. `instant` jumps there at once: a
 * smooth scroll over a long form takes over a second, during which she sees no
 * message at all.
 */
export function scrollToSelector(selector: string, opts: { instant?: boolean } = {}): void {
  setTimeout(() => {
    if (process.env.TARO_ENV === 'h5') {
      firstShown(selector)?.scrollIntoView({ behavior: opts.instant ? 'auto' : 'smooth', block: 'start' })
      return
    }
    // Scrolling only helps: where the host has no pageScrollTo (a simulator, an old base library) the form still works.
    try {
      Taro.pageScrollTo({ selector, offsetTop: -16, duration: opts.instant ? 0 : 250 }).catch(() => undefined)
    } catch {
      // nothing to scroll with
    }
  }, 80)
}

export const scrollToId = (id: string): void => scrollToSelector(`#${id}`)

/**
 * The first field marked wrong, in page order, wherever it sits in the form.
 * `scope` (a container's id) keeps it to one form when a page has several.
 */
export function scrollToFirstError(scope?: string): void {
  const selector = scope
    ? ERROR_SELECTOR.split(', ')
        .map((s) => `#${scope} ${s}`)
        .join(', ')
    : ERROR_SELECTOR
  scrollToSelector(selector, { instant: true })
}
