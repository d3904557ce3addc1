/**
 * The delivery queue's timer work: each tick takes this function's due notices one by one (queued → sending, ONE
 * conditional update with a lease, so two ticks never both ask), asks WeChat through the port and records its
 * answer. Delivered; refused for good (never retried); busy (-1 …): queued again with exponential backoff and
 * jitter, at most MAX_ATTEMPTS asks, then failed. A `sending` whose lease ran out belongs to a call that died
 * between asking and recording: WeChat may have it, so it becomes `unknown` and is NEVER asked again (a notice is
 * never sent twice). Each tick is bounded (MAX_PER_TICK, TICK_BUDGET_MS) to end well inside the 10 s timeout.
 */
import { localTemplateId, type NoticeTemplate } from '~types/notice-templates'
import type { Clock } from './clock'
import { env } from './env'
import type { createNoticesRepository, OutboxDoc, OutboxOutcome } from './notices.repository'
import type { WechatAnswer, WechatPort } from './wechat'

export const MAX_PER_TICK = 50
/** Wall-clock time a tick may spend asking (the function's timeout is 10 s). */
const TICK_BUDGET_MS = 6_000
/** Longer than any one call to WeChat can take: past it, the call is dead. */
export const LEASE_MS = 60_000
export const MAX_ATTEMPTS = 5
const BACKOFF_MS = 60_000

/** Why WeChat refused, as officers and she read it (subscribeMessage.send's errcodes). */
const REFUSALS: Record<number, string> = {
  43101: '未送达：用户未订阅',
  40037: '未送达：模板编号不正确',
  47003: '未送达：通知内容不符合模板要求',
  41030: '未送达：页面路径不正确',
  40003: '未送达：用户不存在',
}

export interface DeliveryResult {
  delivered: number
  refused: number
  retrying: number
  failed: number
  unknown: number
}

/** The template id to ask with: configured, else the local WeChat's own (local runs only), else none. */
export function templateIdOf(fn: NoticeTemplate['fn'], topic: string): string | null {
  const w = env().wechat
  return w.templateIds[fn]?.[topic] ?? (w.serviceUrl ? localTemplateId(fn, topic) : null)
}

/** The retry delay after the n-th busy answer: 1, 2, 4, 8 minutes, each ±20 % so retries do not march in step. */
export function backoffMs(attempts: number, random = Math.random): number {
  return Math.round(BACKOFF_MS * 2 ** (attempts - 1) * (0.8 + 0.4 * random()))
}

/** WeChat's answer as the notice's next state. */
export function outcomeOf(answer: WechatAnswer<{ msgid?: string }>, d: OutboxDoc, now: number): OutboxOutcome {
  const attempts = d.attempts + 1
  if (answer.ok) return { state: 'delivered', attempts, msgid: answer.msgid ?? null, deliveredAt: now, errcode: null, reason: null }
  const { errcode } = answer
  if (!answer.transient) return { state: 'refused', attempts, errcode, reason: REFUSALS[errcode] ?? `未送达：微信拒绝（${errcode}）` }
  if (attempts >= MAX_ATTEMPTS) return { state: 'failed', attempts, errcode, reason: `失败：微信繁忙，已尝试${attempts}次` }
  return { state: 'queued', attempts, errcode, dueAt: now + backoffMs(attempts) }
}

type Repo = ReturnType<typeof createNoticesRepository>

export function createDelivery(deps: { repo: Repo; clock: Clock; wechat: WechatPort; fn: NoticeTemplate['fn'] }) {
  const { repo, clock, wechat, fn } = deps

  async function ask(d: OutboxDoc): Promise<WechatAnswer<{ msgid?: string }>> {
    const templateId = templateIdOf(fn, d.topic)
    if (!templateId) return { ok: false, errcode: 40037, errmsg: 'template id not configured (WX_TEMPLATE_IDS)', transient: false }
    try {
      return await wechat.sendSubscribeMessage({ touser: d.openid, templateId, page: d.page, data: d.data })
    } catch (e) {
      // The port answers refusals as data; a throw is a failure on our side of the wire: try again later.
      return { ok: false, errcode: -1, errmsg: String(e), transient: true }
    }
  }

  /** One notice: taken, asked, recorded. Answers its new state, or null when another tick took it. */
  async function deliverOne(d: OutboxDoc): Promise<OutboxOutcome['state'] | null> {
    const leaseUntil = clock() + LEASE_MS
    if (!(await repo.take(d, leaseUntil))) return null
    const answer = await ask(d)
    const outcome = outcomeOf(answer, d, clock())
    if (!(await repo.settle(d, leaseUntil, outcome))) return null
    if (outcome.state === 'delivered') await repo.spend(d.openid, d.topic) // her view of her opt-ins, best effort
    return outcome.state
  }

  return async function deliver(): Promise<DeliveryResult> {
    const out: DeliveryResult = { delivered: 0, refused: 0, retrying: 0, failed: 0, unknown: 0 }
    const now = clock()
    for (const d of await repo.stale(fn, now, MAX_PER_TICK)) {
      if (await repo.settle(d, d.leaseUntil!, { state: 'unknown', reason: '结果未知：发送时中断，不再重发' })) out.unknown++
    }
    const started = Date.now()
    for (const d of await repo.due(fn, now, MAX_PER_TICK)) {
      if (Date.now() - started > TICK_BUDGET_MS) break // the rest wait for the next tick
      const state = await deliverOne(d)
      if (state === 'delivered') out.delivered++
      else if (state === 'refused') out.refused++
      else if (state === 'failed') out.failed++
      else if (state === 'queued') out.retrying++
    }
    return out
  }
}
