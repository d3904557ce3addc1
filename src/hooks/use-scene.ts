import Taro, { useRouter } from '@tarojs/taro'
import { useRef, useState, type MutableRefObject } from 'react'
import { ApiError } from '~src/services/api'
import { decodeScene } from '~src/services/app-code'

/** How long a code she scanned before signing in waits for her: long enough to verify, short enough not to surprise her. */
const KEPT_FOR_MS = 60 * 60_000

export interface SignInNeed {
  reason: 'NOT_VERIFIED' | 'UNAUTHENTICATED'
  /** A scanned code is waiting for her (say so); false when she opened the page by hand. */
  kept: boolean
}

interface Kept {
  scene: string
  at: number
}

const storageKey = (path: string) => `scene:${path.replace(/^\//, '').split('?')[0]}`

/** Storage is a convenience here: if it fails (full, unavailable), the page still works, only without the kept code. */
function takeKept(path: string): string {
  try {
    const key = storageKey(path)
    const kept = Taro.getStorageSync(key) as Kept | ''
    if (kept) Taro.removeStorageSync(key)
    return kept && Date.now() - kept.at < KEPT_FOR_MS ? kept.scene : ''
  } catch {
    return ''
  }
}

function keep(path: string, scene: string): void {
  try {
    Taro.setStorageSync(storageKey(path), { scene, at: Date.now() } satisfies Kept)
  } catch {
    // as above: she scans again after verifying
  }
}

export interface PageScene {
  /** The code's token, to act on once (the page clears it when it has): from `scene`, or kept from an earlier visit. */
  scene: MutableRefObject<string>
  /** Set when acting on it needs her to sign in or verify first (the page shows <SignInNeeded reason={…} />). */
  signInNeeded: SignInNeed | null
  /**
   * Call with what acting on `scene` threw: a sign-in refusal keeps the token for her next visit to this
   * page (after she has verified) and answers true; anything else answers false.
   */
  keepIfSignIn(err: unknown, scene: string): boolean
}

/**
 * The `scene` a mini-program code (小程序码) opened this page with, read once on load. WeChat hands it
 * URL-encoded (`options.scene`); Taro's router gives it as `params.scene`.
 */
export function usePageScene(): PageScene {
  const router = useRouter()
  const scene = useRef<string | null>(null)
  if (scene.current === null) scene.current = decodeScene(router.params.scene) || takeKept(router.path)
  const [signInNeeded, setSignInNeeded] = useState<SignInNeed | null>(null)
  const keepIfSignIn = (err: unknown, value: string) => {
    const reason = err instanceof ApiError && (err.code === 'NOT_VERIFIED' || err.code === 'UNAUTHENTICATED') ? err.code : null
    if (reason && value) keep(router.path, value)
    setSignInNeeded(reason ? { reason, kept: !!value } : null)
    return !!reason
  }
  return { scene: scene as MutableRefObject<string>, signInNeeded, keepIfSignIn }
}
