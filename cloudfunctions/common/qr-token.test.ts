import fc from 'fast-check'
import { MAX_SUBJECT_BYTES, PURPOSE_TAGS, sign, verify, type QrKey, type TokenPurpose } from './qr-token'
import { MAX_COMPACT_VERSION, signCompact, verifyCompact } from './qr-token.compact'
import { createTokenService, ROTATING_SKEW_MS } from './qr-token.service'

const PURPOSES = Object.keys(PURPOSE_TAGS) as TokenPurpose[]
const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.'
const SCENE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&'()*+,/:;=?@-._~"
const SCENE_RE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/
const YEAR = 365 * 24 * 3600_000

const keyArb: fc.Arbitrary<QrKey> = fc.record({
  kid: fc.stringMatching(/^[A-Za-z0-9]{1,4}$/),
  secret: fc.uint8Array({ minLength: 16, maxLength: 64 }).map((b) => Buffer.from(b)),
})
const twoKeysArb = fc.tuple(keyArb, keyArb).filter(([a, b]) => !a.secret.equals(b.secret))
const purposeArb = fc.constantFrom(...PURPOSES)
const otherPurposesArb = fc.tuple(purposeArb, purposeArb).filter(([a, b]) => a !== b)
const subjectArb = fc
  .oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: MAX_SUBJECT_BYTES }),
    fc.stringMatching(/^o[A-Za-z0-9_-]{27}$/), // an openid
    fc.constantFrom('张三', '工会会员·劳模', '外卖骑手🛵李师傅'),
  )
  .filter((s) => Buffer.byteLength(s) <= MAX_SUBJECT_BYTES)
const nowArb = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2060, 0, 1) })
const ttlArb = fc.integer({ min: 1, max: 5 * YEAR })
const tokenCase = fc.record({ key: keyArb, purpose: purposeArb, subject: subjectArb, now: nowArb, ttl: ttlArb })
const idArb = fc.stringMatching(/^[A-Za-z0-9_-]{1,10}$/)
const versionArb = fc.integer({ min: 0, max: MAX_COMPACT_VERSION })
const codeCase = fc.record({
  key: keyArb,
  purpose: purposeArb,
  id: idArb,
  version: versionArb,
  now: nowArb,
  ttl: fc.option(fc.integer({ min: 60_000, max: 5 * YEAR }), { nil: undefined }),
})

/** Every string one substitution, deletion or insertion away from `s`. */
function* singleEdits(s: string, alphabet: string): Generator<string> {
  const chars = alphabet + 'é中 '
  for (let i = 0; i <= s.length; i++) {
    if (i < s.length) yield s.slice(0, i) + s.slice(i + 1)
    for (const c of chars) {
      if (i < s.length && c !== s[i]) yield s.slice(0, i) + c + s.slice(i + 1)
      yield s.slice(0, i) + c + s.slice(i)
    }
  }
}

describe('standard tokens (rotating on-screen codes)', () => {
  it('verifies every validly signed token with its claims, in under 120 URL-safe characters', () => {
    fc.assert(
      fc.property(tokenCase, ({ key, purpose, subject, now, ttl }) => {
        const token = sign({ purpose, subject, expiresAt: now + ttl }, [key])
        expect(token.length).toBeLessThan(120)
        expect(token).toMatch(/^[A-Za-z0-9._-]+$/)
        const result = verify(token, { purpose, now, keys: [key] })
        expect(result).toEqual({ ok: true, claims: { purpose, subject, expiresAt: now + ttl, nonce: expect.any(String) } })
      }),
    )
  })

  it('keeps a given nonce and draws a fresh one otherwise', () => {
    const keys = [{ kid: 'k1', secret: Buffer.alloc(32, 7) }]
    const input = { purpose: 'checkin' as const, subject: 'oABC', expiresAt: 2e12 }
    expect(verify(sign({ ...input, nonce: 'n-1' }, keys), { purpose: 'checkin', now: 0, keys })).toMatchObject({ claims: { nonce: 'n-1' } })
    expect(sign(input, keys)).not.toBe(sign(input, keys))
  })

  it('rejects random strings and any value that is not a string as TOKEN_INVALID, without throwing', () => {
    fc.assert(
      fc.property(keyArb, purposeArb, fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.anything()), (key, purpose, junk) => {
        expect(verify(junk, { purpose, now: 0, keys: [key] })).toEqual({ ok: false, code: 'TOKEN_INVALID' })
      }),
    )
  })

  it('rejects a well-formed token whose MAC was guessed', () => {
    fc.assert(
      fc.property(tokenCase, fc.stringMatching(/^[A-Za-z0-9_-]{22}$/), ({ key, purpose, subject, now, ttl }, mac) => {
        const token = sign({ purpose, subject, expiresAt: now + ttl }, [key])
        fc.pre(!token.endsWith(mac))
        expect(verify(token.slice(0, -22) + mac, { purpose, now, keys: [key] })).toEqual({ ok: false, code: 'TOKEN_INVALID' })
      }),
    )
  })

  it('rejects every truncation and every single-character edit as TOKEN_INVALID', () => {
    fc.assert(
      fc.property(tokenCase, ({ key, purpose, subject, now, ttl }) => {
        const token = sign({ purpose, subject, expiresAt: now + ttl }, [key])
        const opts = { purpose, now, keys: [key] }
        for (let n = 0; n < token.length; n++) expect(verify(token.slice(0, n), opts).ok).toBe(false)
        for (const edited of singleEdits(token, TOKEN_ALPHABET)) {
          const result = verify(edited, opts)
          if (result.ok || result.code !== 'TOKEN_INVALID') throw new Error(`accepted edit ${edited} of ${token}`)
        }
      }),
      { numRuns: 15 },
    )
  })

  it('rejects a token from its expiry instant on (plus the allowed skew), and accepts it just before', () => {
    fc.assert(
      fc.property(tokenCase, fc.nat(10_000), fc.nat(YEAR), ({ key, purpose, subject, now, ttl }, skewMs, late) => {
        const expiresAt = now + ttl
        const token = sign({ purpose, subject, expiresAt }, [key])
        const at = (t: number) => verify(token, { purpose, now: t, keys: [key], skewMs })
        expect(at(expiresAt + skewMs - 1).ok).toBe(true)
        expect(at(expiresAt + skewMs + late)).toEqual({ ok: false, code: 'TOKEN_EXPIRED' })
      }),
    )
  })

  it('treats a broken clock (NaN) as expired rather than valid, in both forms', () => {
    const keys = [{ kid: 'k1', secret: Buffer.alloc(32, 6) }]
    const token = sign({ purpose: 'gift', subject: 's', expiresAt: 2e12 }, keys)
    const code = signCompact({ purpose: 'gift', id: 'g', version: 0, expiresAt: 2e12 }, keys)
    expect(verify(token, { purpose: 'gift', now: NaN, keys })).toEqual({ ok: false, code: 'TOKEN_EXPIRED' })
    expect(verifyCompact(code, { purpose: 'gift', now: NaN, keys })).toEqual({ ok: false, code: 'TOKEN_EXPIRED' })
  })

  it('rejects a token signed for another purpose as TOKEN_WRONG_PURPOSE', () => {
    fc.assert(
      fc.property(tokenCase, otherPurposesArb, ({ key, subject, now, ttl }, [signedFor, askedFor]) => {
        const token = sign({ purpose: signedFor, subject, expiresAt: now + ttl }, [key])
        expect(verify(token, { purpose: askedFor, now, keys: [key] })).toEqual({ ok: false, code: 'TOKEN_WRONG_PURPOSE' })
      }),
    )
  })

  it('rejects a token signed with a key that is not listed, even one with the same kid', () => {
    fc.assert(
      fc.property(tokenCase, twoKeysArb, fc.boolean(), ({ purpose, subject, now, ttl }, [a, b], sameKid) => {
        const token = sign({ purpose, subject, expiresAt: now + ttl }, [a])
        const other = sameKid ? { ...b, kid: a.kid } : b
        expect(verify(token, { purpose, now, keys: [other] })).toEqual({ ok: false, code: 'TOKEN_INVALID' })
      }),
    )
  })

  it('rotates keys: old tokens verify while the old key is listed, new ones are signed with the first key', () => {
    const oldKey = { kid: 'k1', secret: Buffer.alloc(32, 1) }
    const newKey = { kid: 'k2', secret: Buffer.alloc(32, 2) }
    const input = { purpose: 'voucher' as const, subject: 'claim-9', expiresAt: 2e12 }
    const opts = { purpose: 'voucher' as const, now: 1e12 }
    const oldToken = sign(input, [oldKey])
    expect(verify(oldToken, { ...opts, keys: [newKey, oldKey] }).ok).toBe(true)
    expect(verify(oldToken, { ...opts, keys: [newKey] })).toEqual({ ok: false, code: 'TOKEN_INVALID' })
    const newToken = sign(input, [newKey, oldKey])
    expect(verify(newToken, { ...opts, keys: [newKey] }).ok).toBe(true)
    expect(verify(newToken, { ...opts, keys: [oldKey] }).ok).toBe(false)
  })

  it('refuses to sign with no key, a weak key, an unknown purpose or an unfit subject, nonce or expiry', () => {
    const keys = [{ kid: 'k1', secret: Buffer.alloc(32, 3) }]
    const ok = { purpose: 'gift' as TokenPurpose, subject: 'x', expiresAt: 2e12 }
    expect(() => sign(ok, [])).toThrow()
    expect(() => sign(ok, [{ kid: 'k1', secret: Buffer.alloc(8) }])).toThrow()
    expect(() => sign({ ...ok, purpose: 'lottery' as TokenPurpose }, keys)).toThrow()
    for (const subject of ['', 'x'.repeat(MAX_SUBJECT_BYTES + 1), '会'.repeat(17), '\uD800']) {
      expect(() => sign({ ...ok, subject }, keys)).toThrow()
    }
    for (const expiresAt of [-1, 1.5, NaN, 36 ** 9]) expect(() => sign({ ...ok, expiresAt }, keys)).toThrow()
    for (const nonce of ['', 'a.b', 'x'.repeat(13)]) expect(() => sign({ ...ok, nonce }, keys)).toThrow()
  })
})

describe('compact codes (printed, WeChat scene)', () => {
  const expiryOf = (c: { now: number; ttl?: number }) => (c.ttl === undefined ? undefined : c.now + c.ttl)

  it('fits 32 scene characters and verifies with its claims (expiry rounded down to the minute)', () => {
    fc.assert(
      fc.property(codeCase, (c) => {
        const expiresAt = expiryOf(c)
        const code = signCompact({ purpose: c.purpose, id: c.id, version: c.version, expiresAt }, [c.key])
        expect(code.length).toBeLessThanOrEqual(32)
        expect(code).toMatch(SCENE_RE)
        const claims = { purpose: c.purpose, id: c.id, version: c.version }
        const rounded = expiresAt === undefined ? {} : { expiresAt: Math.floor(expiresAt / 60_000) * 60_000 }
        expect(verifyCompact(code, { purpose: c.purpose, now: c.now, keys: [c.key] })).toEqual({
          ok: true,
          claims: { ...claims, ...rounded },
        })
      }),
    )
  })

  it('stays within 32 characters at the largest id, version and expiry', () => {
    const code = signCompact({ purpose: 'booth', id: 'b'.repeat(10), version: MAX_COMPACT_VERSION, expiresAt: Date.UTC(2084, 0, 1) }, [
      { kid: 'abcd', secret: Buffer.alloc(16, 9) },
    ])
    expect(code).toHaveLength(32)
  })

  it('rejects random strings and non-strings as TOKEN_INVALID, without throwing', () => {
    fc.assert(
      fc.property(
        keyArb,
        purposeArb,
        fc.oneof(fc.string({ maxLength: 40 }), fc.stringMatching(SCENE_RE), fc.anything()),
        (key, purpose, junk) => {
          expect(verifyCompact(junk, { purpose, now: 0, keys: [key] })).toEqual({ ok: false, code: 'TOKEN_INVALID' })
        },
      ),
    )
  })

  it('rejects every truncation and every single-character edit as TOKEN_INVALID', () => {
    fc.assert(
      fc.property(codeCase, (c) => {
        const code = signCompact({ purpose: c.purpose, id: c.id, version: c.version, expiresAt: expiryOf(c) }, [c.key])
        const opts = { purpose: c.purpose, now: c.now, keys: [c.key] }
        for (let n = 0; n < code.length; n++) expect(verifyCompact(code.slice(0, n), opts).ok).toBe(false)
        for (const edited of singleEdits(code, SCENE_ALPHABET)) {
          const result = verifyCompact(edited, opts)
          if (result.ok || result.code !== 'TOKEN_INVALID') throw new Error(`accepted edit ${edited} of ${code}`)
        }
      }),
      { numRuns: 30 },
    )
  })

  it('rejects expired, wrong-purpose and wrong-key codes with the right code', () => {
    fc.assert(
      fc.property(codeCase, otherPurposesArb, twoKeysArb, fc.nat(YEAR), (c, [signedFor, askedFor], [a, b], late) => {
        const expiresAt = c.now + 60_000 + (c.ttl ?? 0)
        const code = signCompact({ purpose: signedFor, id: c.id, version: c.version, expiresAt }, [a])
        const rounded = Math.floor(expiresAt / 60_000) * 60_000
        expect(verifyCompact(code, { purpose: signedFor, now: rounded + late, keys: [a] })).toEqual({ ok: false, code: 'TOKEN_EXPIRED' })
        expect(verifyCompact(code, { purpose: askedFor, now: c.now, keys: [a] })).toEqual({ ok: false, code: 'TOKEN_WRONG_PURPOSE' })
        expect(verifyCompact(code, { purpose: signedFor, now: c.now, keys: [{ ...b, kid: a.kid }] })).toEqual({
          ok: false,
          code: 'TOKEN_INVALID',
        })
      }),
    )
  })

  it('rotates keys, including keys whose ids end in the same character', () => {
    const oldKey = { kid: 'a1', secret: Buffer.alloc(32, 1) }
    const newKey = { kid: 'b1', secret: Buffer.alloc(32, 2) }
    const opts = { purpose: 'booth' as const, now: 0 }
    const oldCode = signCompact({ purpose: 'booth', id: 'B07', version: 3 }, [oldKey])
    expect(verifyCompact(oldCode, { ...opts, keys: [newKey, oldKey] })).toEqual({
      ok: true,
      claims: { purpose: 'booth', id: 'B07', version: 3 },
    })
    expect(verifyCompact(oldCode, { ...opts, keys: [newKey] })).toEqual({ ok: false, code: 'TOKEN_INVALID' })
    const newCode = signCompact({ purpose: 'booth', id: 'B07', version: 3 }, [newKey, oldKey])
    expect(verifyCompact(newCode, { ...opts, keys: [oldKey, newKey] }).ok).toBe(true)
    expect(verifyCompact(newCode, { ...opts, keys: [oldKey] }).ok).toBe(false)
  })

  it('refuses ids, versions and expiries that cannot be encoded', () => {
    const keys = [{ kid: 'k1', secret: Buffer.alloc(32, 3) }]
    for (const id of ['', 'x'.repeat(11), 'a.b', '展位1']) expect(() => signCompact({ purpose: 'booth', id, version: 0 }, keys)).toThrow()
    for (const version of [-1, 0.5, MAX_COMPACT_VERSION + 1])
      expect(() => signCompact({ purpose: 'booth', id: 'b', version }, keys)).toThrow()
    for (const expiresAt of [-60_001, 36 ** 5 * 60_000])
      expect(() => signCompact({ purpose: 'booth', id: 'b', version: 0, expiresAt }, keys)).toThrow()
  })

  it('does not accept one form in place of the other', () => {
    const keys = [{ kid: 'k', secret: Buffer.alloc(32, 4) }]
    const opts = { purpose: 'booth' as const, now: 0, keys }
    expect(verify(signCompact({ purpose: 'booth', id: 'b1', version: 1 }, keys), opts).ok).toBe(false)
    expect(verifyCompact(sign({ purpose: 'booth', subject: 'b', expiresAt: 1e13 }, keys), opts).ok).toBe(false)
  })
})

describe('createTokenService', () => {
  const keys = [{ kid: 'k1', secret: Buffer.alloc(32, 5) }]

  it('issues rotating codes valid for their ttl plus the scan grace, then expired', () => {
    let now = Date.UTC(2025, 4, 1)
    const tokens = createTokenService(keys, () => now)
    const { token, expiresAt } = tokens.issueRotating('checkin', 'oMember')
    expect(expiresAt).toBe(now + 30_000)
    now = expiresAt + ROTATING_SKEW_MS - 1
    expect(tokens.verifyRotating(token, 'checkin')).toMatchObject({ ok: true, claims: { subject: 'oMember' } })
    now += 1
    expect(tokens.verifyRotating(token, 'checkin')).toEqual({ ok: false, code: 'TOKEN_EXPIRED' })
  })

  it('issues and verifies printed codes against its clock', () => {
    let now = Date.UTC(2025, 4, 1)
    const tokens = createTokenService(keys, () => now)
    const code = tokens.issuePrinted('booth', 'B12', 2, now + 3600_000)
    expect(tokens.verifyPrinted(code, 'booth')).toMatchObject({ ok: true, claims: { id: 'B12', version: 2 } })
    now += 3600_000
    expect(tokens.verifyPrinted(code, 'booth')).toEqual({ ok: false, code: 'TOKEN_EXPIRED' })
  })
})

it('gives every purpose its own one-letter tag', () => {
  const tags = Object.values(PURPOSE_TAGS)
  expect(new Set(tags).size).toBe(tags.length)
  for (const tag of tags) expect(tag).toMatch(/^[A-Z]$/)
})
