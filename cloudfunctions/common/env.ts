/**
 * Server configuration, read and checked once. Every server value comes from
 * the function's environment; nothing secret lives in the repository.
 */
export interface ServerEnv {
  /** CloudBase environment id; 'local' for the emulator. */
  envId: string
  /** Set only locally: the URL of the local CloudBase emulator. */
  serviceUrl: string | undefined
  secretId: string | undefined
  secretKey: string | undefined
  /** `kid:base64url-secret` pairs separated by commas; the first signs, all verify. */
  qrKeys: { kid: string; secret: Buffer }[]
  /** Keys the stable member reference of exports (MEMBER_REF_KEY, base64url ≥ 16 bytes; default: the first QR key). */
  memberRefKey: Buffer
  /** openids granted the officer role without an invite (bootstrap of a fresh environment). */
  bootstrapOfficers: string[]
  production: boolean
}

let cached: ServerEnv | undefined

export function parseQrKeys(raw: string | undefined): { kid: string; secret: Buffer }[] {
  if (!raw) return []
  return raw.split(',').map((pair) => {
    const [kid, b64] = pair.trim().split(':')
    if (!kid || !/^[A-Za-z0-9]{1,4}$/.test(kid) || !b64) throw new Error(`QR_KEYS: bad entry "${kid ?? ''}"`)
    const secret = Buffer.from(b64, 'base64url')
    if (secret.length < 16) throw new Error(`QR_KEYS: key ${kid} shorter than 16 bytes`)
    return { kid, secret }
  })
}

function memberRefKey(raw: string | undefined, fallback: Buffer): Buffer {
  if (!raw) return fallback
  const key = Buffer.from(raw, 'base64url')
  if (key.length < 16) throw new Error('MEMBER_REF_KEY shorter than 16 bytes')
  return key
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  const qrKeys = parseQrKeys(source.QR_KEYS)
  if (qrKeys.length === 0) throw new Error('QR_KEYS is not set: see README "Deploying"')
  return {
    envId: source.TCB_ENV || 'local',
    serviceUrl: source.TCB_SERVICE_URL || undefined,
    secretId: source.TCB_SECRET_ID || undefined,
    secretKey: source.TCB_SECRET_KEY || undefined,
    qrKeys,
    memberRefKey: memberRefKey(source.MEMBER_REF_KEY, qrKeys[0].secret),
    bootstrapOfficers: (source.BOOTSTRAP_OFFICERS || '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    production: source.NODE_ENV === 'production',
  }
}

export function env(): ServerEnv {
  if (!cached) cached = readEnv()
  return cached
}

/** Tests that change process.env call this to re-read it. */
export function resetEnvCache(): void {
  cached = undefined
}
