/**
 * The pages of the app as WeChat knows them: what src/app.config.ts declares (the build turns it into
 * app.json, which is what WeChat checks a `page` against). Loaded by evaluating the file with Taro's
 * `defineAppConfig` stood in by identity, so no second list can drift from it.
 */
import { join } from 'node:path'

interface AppConfig {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
}

let cached: Set<string> | undefined

export function appPages(): Set<string> {
  if (cached) return cached
  const g = globalThis as { defineAppConfig?: (c: AppConfig) => AppConfig }
  g.defineAppConfig ??= (c) => c
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- app.config.ts is a Taro config module, evaluated once
  const config = (require(join(__dirname, '../../src/app.config.ts')) as { default: AppConfig }).default
  cached = new Set([...config.pages, ...(config.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))])
  return cached
}

/** The app's first page: where a code without `page` opens (WeChat's default: 主页). */
export function homePage(): string {
  return [...appPages()][0]
}
