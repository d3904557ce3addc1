/**
 * The phone's side of picks: CSPRNG bytes from the platform, and the key pair of
 * each mixer kept in the phone's own storage (WeChat storage; localStorage in
 * the H5 demo). The private key never leaves this module except to make tokens.
 */
import Taro from '@tarojs/taro'
import { getDemoOpenid } from '~src/services/demo-session'
import { keyPairFrom, paddedSubmission, pickToken, publicKeyOf, type PickKeyPair } from './pick-crypto'

declare const wx: { getRandomValues(o: { length: number; success(r: { randomValues: ArrayBuffer }): void; fail(e: unknown): void }): void }

/** `n` bytes from the platform's CSPRNG; never Math.random. */
export function randomBytes(n: number): Promise<Uint8Array> {
  if (process.env.TARO_ENV === 'weapp') {
    return new Promise((resolve, reject) =>
      wx.getRandomValues({ length: n, success: (r) => resolve(new Uint8Array(r.randomValues)), fail: reject }),
    )
  }
  const out = new Uint8Array(n)
  globalThis.crypto.getRandomValues(out)
  return Promise.resolve(out)
}

// In the H5 demo several demo identities share one browser: keep their keys apart.
const storageKey = (mixerId: string) => `mx-key:${mixerId}:${getDemoOpenid()}`

export function storedKeys(mixerId: string): PickKeyPair | null {
  const v: unknown = Taro.getStorageSync(storageKey(mixerId))
  if (typeof v !== 'string' || !v) return null
  try {
    return { secretKey: v, publicKey: publicKeyOf(v) }
  } catch {
    return null
  }
}

/** This phone's key for the mixer, made (and stored) on first use. */
export async function ensureKeys(mixerId: string): Promise<PickKeyPair> {
  const have = storedKeys(mixerId)
  if (have) return have
  const keys = keyPairFrom(await randomBytes(32))
  Taro.setStorageSync(storageKey(mixerId), keys.secretKey)
  return keys
}

/** Exactly K tokens for the chosen public keys (null if any key is unusable). */
export async function makeSubmission(mixerId: string, keys: PickKeyPair, chosen: string[], k: number): Promise<string[] | null> {
  const real = chosen.map((pk) => pickToken(mixerId, keys.secretKey, keys.publicKey, pk))
  if (real.some((t) => t === null)) return null
  // Enough randomness for the padding and the shuffle, fetched once (wx.getRandomValues is asynchronous).
  const pool = await randomBytes(k * 32 + 256)
  let at = 0
  const take = (n: number) => {
    if (at + n > pool.length) throw new Error('random pool exhausted')
    const out = pool.subarray(at, at + n)
    at += n
    return out
  }
  return paddedSubmission(real as string[], k, take)
}

/** Choices are remembered on the phone only, so the page can show them again (the server cannot). */
export function storedChoice(mixerId: string): number[] {
  const v: unknown = Taro.getStorageSync(`mx-choice:${mixerId}:${getDemoOpenid()}`)
  return Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : []
}

export function storeChoice(mixerId: string, badges: number[]): void {
  Taro.setStorageSync(`mx-choice:${mixerId}:${getDemoOpenid()}`, badges)
}
