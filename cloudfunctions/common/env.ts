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
  wechat: WechatEnv
}

/** What the WeChat port (wechat.ts) reads. Template ids and versions are not secret; no AppSecret exists here (云调用). */
export interface WechatEnv {
  /** Set only locally: the URL of the local WeChat (tools/wechat/), as TCB_SERVICE_URL is for the database. */
  serviceUrl: string | undefined
  /** Which version of the app a code opens and a notice links to: `release` | `trial` | `develop` (WX_ENV_VERSION). */
  envVersion: 'release' | 'trial' | 'develop'
  /** Subscription-message template ids per function and topic (WX_TEMPLATE_IDS, the JSON shape of TARO_APP_NOTICE_TEMPLATES). */
  templateIds: Record<string, Record<string, string>>
  /** 手机号快速验证 costs ¥0.03 a call and needs a verified organisation: off unless WX_PHONE_NUMBER=on. */
  phoneNumber: boolean
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

const ENV_VERSIONS = ['release', 'trial', 'develop'] as const

function readWechat(source: NodeJS.ProcessEnv): WechatEnv {
  const envVersion = (source.WX_ENV_VERSION || 'release') as WechatEnv['envVersion']
  if (!ENV_VERSIONS.includes(envVersion)) throw new Error(`WX_ENV_VERSION: one of ${ENV_VERSIONS.join(', ')}`)
  let templateIds: WechatEnv['templateIds'] = {}
  try {
    templateIds = JSON.parse(source.WX_TEMPLATE_IDS || '{}') as WechatEnv['templateIds']
  } catch {
    throw new Error('WX_TEMPLATE_IDS: not JSON (see docs/wechat.md)')
  }
  return { serviceUrl: source.WX_SERVICE_URL || undefined, envVersion, templateIds, phoneNumber: source.WX_PHONE_NUMBER === 'on' }
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
    wechat: readWechat(source),
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
