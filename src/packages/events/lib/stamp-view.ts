import type { StampCardDTO, TierProgressDTO } from '~types/events'
import { formatTime } from '~src/utils/datetime'

/** "12 / 50": the headline of the stamp card. */
export function progressText(card: Pick<StampCardDTO, 'total' | 'boothCount'>): string {
  return `${card.total} / ${card.boothCount}`
}

/** Share of booths stamped, 0–100, for the progress bar. */
export function progressPercent(stamped: number, of: number): number {
  return of > 0 ? Math.min(100, Math.round((stamped / of) * 100)) : 0
}

/** The cooldown in words, or '' when the member may stamp now. */
export function cooldownText(nextStampAt: number | null, now: number): string {
  if (nextStampAt === null || nextStampAt <= now) return ''
  return `请在 ${Math.ceil((nextStampAt - now) / 1000)} 秒后扫下一个展位`
}

export type TierAction =
  { kind: 'redeemed'; text: string } | { kind: 'open'; text: string } | { kind: 'locked'; text: string } | { kind: 'gone'; text: string }

/** What a member can do with a gift tier: show a code, or why not. */
export function tierAction(t: TierProgressDTO): TierAction {
  if (t.redeemed) return { kind: 'redeemed', text: `已兑换 ${formatTime(t.redeemed.redeemedAt)} · ${t.redeemed.desk}` }
  if (!t.qualified) return { kind: 'locked', text: t.missing || '集章数量还不够' }
  if (t.tier.left <= 0) return { kind: 'gone', text: '已兑完' }
  return { kind: 'open', text: '出示兑换码' }
}
