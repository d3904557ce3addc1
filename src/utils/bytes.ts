/**
 * Bytes for the roster upload and the pick crypto, in WeChat's engine and the
 * browser alike: neither TextEncoder, btoa nor Buffer is in every mini-program
 * engine, so base64 comes from base64-js and UTF-8 from the URI codec.
 */
import { fromByteArray, toByteArray } from 'base64-js'

export function utf8(text: string): Uint8Array {
  const bin = unescape(encodeURIComponent(text))
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

export const toBase64 = (bytes: Uint8Array): string => fromByteArray(bytes)

export const toBase64Url = (bytes: Uint8Array): string => toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

/** Standard or URL-safe base64, padded or not; anything else gives no bytes. */
export function fromBase64(text: string): Uint8Array {
  const std = text.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '')
  if (!/^[A-Za-z0-9+/]*$/.test(std) || std.length % 4 === 1) return new Uint8Array(0)
  try {
    return toByteArray(std + '='.repeat((4 - (std.length % 4)) % 4))
  } catch {
    return new Uint8Array(0)
  }
}
