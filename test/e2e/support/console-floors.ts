import type { Page } from 'playwright-core'

/** Everything a mouse is meant to hit in the console (TDesign's controls and plain links and buttons). */
export const CONSOLE_CLICKABLE = [
  'button',
  'a[href]',
  '.t-input', // the box around an input (TDesign's inner <input> is only the text line)
  '.t-menu__item',
  '.t-radio-button',
  '.t-pagination__number',
  '.t-pagination__btn',
  '.t-select',
  '.t-tabs__nav-item',
  '.t-checkbox',
].join(',')

/**
 * The desktop floors (DESIGN.md "Style" 11): every visible text ≥ 14 px, every click target ≥ 32 px
 * tall and wide (the phone's are 16 px and 44 px: test/e2e/support/floors.ts). Text drawn on a canvas
 * (the charts) is set to 14 px in the chart's own options and not seen here. Empty list: the screen keeps them.
 */
export function consoleFloorFailures(page: Page): Promise<string[]> {
  return page.evaluate((clickable) => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect()
      const s = getComputedStyle(el)
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0
    }
    const label = (el: Element) => `${el.id ? `#${el.id}` : el.className || el.tagName}「${(el.textContent ?? '').trim().slice(0, 16)}」`
    const out: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!el || !(n.textContent ?? '').trim() || !visible(el) || el.closest('script, style')) continue
      const size = parseFloat(getComputedStyle(el).fontSize)
      if (size < 14) out.push(`字号 ${label(el)} ${size}px`)
    }
    for (const el of Array.from(document.querySelectorAll(clickable))) {
      if (!visible(el)) continue
      const r = el.getBoundingClientRect()
      if (r.width < 32 || r.height < 32) out.push(`点击区域 ${label(el)} ${Math.round(r.width)}×${Math.round(r.height)}`)
    }
    return out
  }, CONSOLE_CLICKABLE)
}
