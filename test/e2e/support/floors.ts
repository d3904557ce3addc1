import type { Page } from 'playwright-core'

/**
 * Everything a finger is meant to hit. Taro's H5 views carry their React handlers out of sight,
 * so the kit's tappable classes are named here; a new tappable class belongs in this list.
 */
export const TAPPABLE = [
  '.big-button',
  '.notice[hover-class="notice--pressed"]',
  '.page-frame__back',
  '.choice',
  '.sc-consent',
  '.sc-segment__item',
  '.service-tile',
  '.field__input',
  '.admin-row__head',
  '.booth-qr__reissue',
  '.event-card__body',
  '.staff-session',
  '#consent-toggle',
  '.outbox-item',
  '.identity',
  '.sc-textarea',
  '.me-link',
  '.officer-tab',
  '.invite__kind',
  '.invite__target',
  '.verify__tab',
  '.roster__text',
  '.vc-tab',
  '#elder-switch',
  '.elder-notice__ok',
  'button',
  'a[href]',
].join(',')

export interface Floors {
  smallText: string[]
  smallTargets: string[]
  texts: number
  targets: number
}

/** The readability floors of what is on screen: every visible text ≥ 16 px, every tap target ≥ 44 × 44 px. */
export function measureFloors(page: Page): Promise<Floors> {
  return page.evaluate((tappable) => {
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect()
      const s = getComputedStyle(el)
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0
    }
    const label = (el: Element) => `${el.id ? `#${el.id}` : el.className || el.tagName}「${(el.textContent ?? '').trim().slice(0, 16)}」`
    const smallText: string[] = []
    let texts = 0
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement
      if (!el || !(n.textContent ?? '').trim() || !visible(el) || el.closest('.taro__toast, .taro__modal, script, style')) continue
      texts++
      const size = parseFloat(getComputedStyle(el).fontSize)
      if (size < 16) smallText.push(`${label(el)} ${size}px`)
    }
    const smallTargets: string[] = []
    let targets = 0
    for (const el of Array.from(document.querySelectorAll(tappable))) {
      if (!visible(el)) continue
      targets++
      const r = el.getBoundingClientRect()
      if (r.width < 44 || r.height < 44) smallTargets.push(`${label(el)} ${Math.round(r.width)}×${Math.round(r.height)}`)
    }
    return { smallText, smallTargets, texts, targets }
  }, TAPPABLE)
}

/** The floors' failures as one list (empty when the screen keeps them). */
export async function floorFailures(page: Page): Promise<string[]> {
  const f = await measureFloors(page)
  return [...f.smallText.map((t) => `字号 ${t}`), ...f.smallTargets.map((t) => `点按区域 ${t}`)]
}
