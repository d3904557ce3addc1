// jsdom ships no type declarations and @types/jsdom is not installed: type the one constructor used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { JSDOM } = require('jsdom') as { JSDOM: new (html: string, options: { url: string }) => { window: Window } }

/**
 * miniprogram-simulate renders into a DOM. The mp project runs in jest's node
 * environment (jest-environment-jsdom is not installed), so give it jsdom's
 * window before the simulator is first required.
 */
export function installDom(): void {
  if ((globalThis as { document?: unknown }).document) return
  const { window } = new JSDOM('<!doctype html><html><body></body></html>', { url: 'https://servicewechat.com/' })
  const g = globalThis as unknown as Record<string, unknown>
  g.window = window
  // Node has its own Event classes; jsdom only dispatches its own, so they must win.
  for (const key of [
    'document',
    'navigator',
    'Node',
    'Element',
    'HTMLElement',
    'Event',
    'CustomEvent',
    'MouseEvent',
    'TouchEvent',
    'getComputedStyle',
  ]) {
    g[key] = (window as unknown as Record<string, unknown>)[key]
  }
}
