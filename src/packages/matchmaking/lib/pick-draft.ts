/**
 * What the pick page says about her choice, kept apart from what the server holds.
 * The server knows only THAT and WHEN she submitted (her picks are K padded tokens
 * it cannot read); the phone remembers which badges that submission carried. Taps
 * change a draft on the phone, which is 未提交 until the server acknowledged it:
 * nothing here says 已提交 from local state alone.
 */
import type { DirectoryDTO } from '~types/matchmaking'
import { formatDateTime } from '~src/utils/datetime'

/** The submission the server acknowledged: its time, and the badges this phone recorded for it (null: no record here). */
export interface Sent {
  at: number
  badges: number[] | null
}

export interface Toggle {
  chosen: number[]
  /** Set when a tap would go past K: the rule and what to do, said where she tapped. */
  limit: string | null
}

export function toggled(chosen: number[], badge: number, k: number): Toggle {
  if (chosen.includes(badge)) return { chosen: chosen.filter((b) => b !== badge), limit: null }
  if (chosen.length >= k) return { chosen, limit: `每人最多选 ${k} 位，先取消一位再选` }
  return { chosen: [...chosen, badge], limit: null }
}

const sameSet = (a: number[], b: number[]) => a.length === b.length && a.every((x) => b.includes(x))

export type PickStatus = { kind: 'sent' | 'draft' | 'none'; text: string }

/** The status line: the server's submission when the draft equals it, else the draft marked 未提交. */
export function pickStatus(chosen: number[], sent: Sent | null): PickStatus {
  const when = sent ? formatDateTime(sent.at) : ''
  const held = sent?.badges
  if (sent && (held ? sameSet(chosen, held) : chosen.length === 0)) {
    const what = held ? `已选 ${held.length} 位` : '本机没有记录所选的人'
    return { kind: 'sent', text: `已提交（${when}，${what}），截止前可修改。` }
  }
  if (!sent && chosen.length === 0) return { kind: 'none', text: '尚未提交：点名单中的人选择，再点「提交」。' }
  // Short: it stays in view over the list, at the phone's largest type too.
  return { kind: 'draft', text: `未提交：已选 ${chosen.length} 位，点「提交」才算数${sent ? '（此前的提交仍有效）' : ''}` }
}

/** 输入号码: the badge to jump to, or why there is none. */
export function findBadge(text: string, dir: Pick<DirectoryDTO, 'me' | 'others'>): { badge: number } | { message: string } {
  const t = text.trim()
  if (!t) return { message: '请输入胸牌上的号码' }
  if (!/^\d{1,6}$/.test(t)) return { message: '号码只含数字，如 27' }
  const n = Number(t)
  if (n === dir.me.badge) return { message: `${n}号是您自己` }
  if (dir.others.some((e) => e.badge === n)) return { badge: n }
  return { message: `名单中没有 ${n}号：这里只列出已签到的另一组参加者（共 ${dir.others.length} 位）` }
}
