/**
 * What the local WeChat remembers: her one-time opt-ins (per openid × template, one send each), every message
 * it accepted, the phone codes the dev API issued, failures queued by tests, and calls served. Opt-ins and
 * messages are kept in `<dataDir>/wechat.json` when a data dir is given (npm start keeps the demo's service
 * notices across restarts); codes, failures and counts live only as long as the process.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export type WechatApi = 'subscribeMessage.send' | 'wxacode.getUnlimited' | 'security.msgSecCheck' | 'phonenumber.getPhoneNumber'

export interface DeliveredMessage {
  msgid: string
  touser: string
  templateId: string
  /** The page with its query, as sent. */
  page: string
  data: Record<string, { value: string }>
  /** When the local WeChat accepted it (ms). */
  at: number
}

interface PhoneCode {
  purePhoneNumber: string
  expiresAt: number
}

interface Saved {
  optIns: Record<string, number>
  messages: DeliveredMessage[]
}

const key = (openid: string, templateId: string) => `${openid}\n${templateId}`

export class WechatState {
  private optIns: Record<string, number> = {}
  readonly messages: DeliveredMessage[] = []
  readonly phoneCodes = new Map<string, PhoneCode>()
  private readonly failures = new Map<string, number[]>()
  private readonly served = new Map<string, number>()
  private lastId = 0

  constructor(
    private readonly file: string | undefined,
    readonly now: () => number,
  ) {
    if (file && existsSync(file)) {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as Saved
      this.optIns = saved.optIns ?? {}
      this.messages.push(...(saved.messages ?? []))
    }
  }

  static inDir(dataDir: string | undefined, now: () => number): WechatState {
    if (!dataDir) return new WechatState(undefined, now)
    mkdirSync(dataDir, { recursive: true })
    return new WechatState(join(dataDir, 'wechat.json'), now)
  }

  /** She tapped 允许 for these templates: one send each. */
  accept(openid: string, templateIds: readonly string[]): void {
    for (const id of templateIds) this.optIns[key(openid, id)] = (this.optIns[key(openid, id)] ?? 0) + 1
    this.save()
  }

  optInsLeft(openid: string, templateId: string): number {
    return this.optIns[key(openid, templateId)] ?? 0
  }

  /** Spends one opt-in; false when none is left (WeChat's 43101). */
  spend(openid: string, templateId: string): boolean {
    const left = this.optInsLeft(openid, templateId)
    if (left <= 0) return false
    this.optIns[key(openid, templateId)] = left - 1
    return true
  }

  record(m: Omit<DeliveredMessage, 'msgid' | 'at'>): DeliveredMessage {
    // A number in WeChat's answer: ms × 1000, kept increasing, stays below 2^53.
    this.lastId = Math.max(this.now() * 1000, this.lastId + 1)
    const msg = { msgid: String(this.lastId), ...m, at: this.now() }
    this.messages.push(msg)
    this.save()
    return msg
  }

  failNext(api: string, errcode: number, times: number): void {
    this.failures.set(api, [...(this.failures.get(api) ?? []), ...Array<number>(times).fill(errcode)])
  }

  /** Counts the call; the errcode a test queued for it, if any. */
  serve(api: string): number | undefined {
    this.served.set(api, (this.served.get(api) ?? 0) + 1)
    return this.failures.get(api)?.shift()
  }

  calls(api: string): number {
    return this.served.get(api) ?? 0
  }

  private save(): void {
    if (!this.file) return
    const tmp = `${this.file}.tmp`
    writeFileSync(tmp, JSON.stringify({ optIns: this.optIns, messages: this.messages } satisfies Saved))
    renameSync(tmp, this.file) // never a half-written file after a crash
  }
}
