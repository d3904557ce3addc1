/**
 * Mini-program codes (小程序码) that open a page of the app from WeChat's own scanner, with a token in
 * `scene`: printed booth codes, staff invites, checkpoint posters. WeChat answers `wxacode.getUnlimited`
 * at most 5,000 times a minute per app and says "建议预生成": a sheet of 60 booths opened by a few
 * officers at once would otherwise spend calls per view. So each (page, scene) is asked for ONCE and the
 * image is kept in `wx_codes` under a hash of both; later views read it from there. Two first views at the
 * same moment may both ask WeChat, but `insertOnce` keeps one document, so every later view shows the same.
 * A SECRET scene (a one-time staff invite, stored elsewhere only as a hash) is never kept: anyone reading the
 * database could read the code off the image. Those are asked for per display, by one officer, rarely.
 */
import { createHash } from 'node:crypto'
import type { AppCodeImage } from '~types/app-code'
import type { PagePath } from '~types/routes'
import type { Clock } from './clock'
import { COLLECTIONS } from './collections'
import type { Db } from './db'
import { insertOnce } from './db-errors'
import { fail } from './errors'
import type { WechatPort } from './wechat'

/** WeChat's rule for `scene`: at most 32 visible characters of digits, letters and !#$&'()*+,/:;=?@-._~ */
export const SCENE_RE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/

interface CodeDoc {
  _id: string
  page: string
  scene: string
  contentType: string
  /** The image, base64: a QR of a few KB locally, a 小程序码 of some tens of KB from WeChat. */
  base64: string
  createdAt: number
}

/** 20 base64url characters of SHA-256: ids stay short, and a clash would need 2^60 codes. */
export const codeDocId = (page: string, scene: string) => createHash('sha256').update(`${page}|${scene}`).digest('base64url').slice(0, 20)

const imageOf = (d: Pick<CodeDoc, 'contentType' | 'base64'>): AppCodeImage => ({
  contentType: d.contentType,
  dataUrl: `data:${d.contentType};base64,${d.base64}`,
})

export interface Codes {
  /**
   * The code that opens `page` (no query) with `scene`; refused INVALID_ARGUMENT(scene) or WECHAT_UNAVAILABLE.
   * `secret`: the scene must not be stored in the clear (see the header): made afresh, never kept.
   */
  image(page: PagePath, scene: string, opts?: { secret?: boolean }): Promise<AppCodeImage>
}

export function createCodes({ db, wechat, clock }: { db: Db; wechat: WechatPort; clock: Clock }): Codes {
  const col = () => db.collection(COLLECTIONS.wxCodes)
  const stored = async (id: string) => ((await col().doc(id).get()).data?.[0] as CodeDoc | undefined) ?? null

  /** Asks WeChat; a bad scene is our own bug (a token format that grew): refused before spending a call on it. */
  async function ask(page: PagePath, scene: string): Promise<Pick<CodeDoc, 'contentType' | 'base64'>> {
    if (!SCENE_RE.test(scene)) fail('INVALID_ARGUMENT', 'scene', `小程序码的 scene 须为 1–32 个允许的字符（收到 ${scene.length} 个）`)
    if (page.includes('?')) fail('INVALID_ARGUMENT', 'page')
    const answer = await wechat.codeFor(page, scene)
    if (!answer.ok) fail('WECHAT_UNAVAILABLE')
    return { contentType: answer.contentType, base64: answer.image.toString('base64') }
  }

  return {
    async image(page, scene, opts = {}) {
      if (opts.secret || !SCENE_RE.test(scene)) return imageOf(await ask(page, scene))
      const id = codeDocId(page, scene)
      const kept = await stored(id)
      if (kept) return imageOf(kept)
      const doc: CodeDoc = { _id: id, page, scene, ...(await ask(page, scene)), createdAt: clock() }
      if (await insertOnce(col(), doc)) return imageOf(doc)
      return imageOf((await stored(id)) ?? doc) // a concurrent first view kept its image: show that one
    },
  }
}
