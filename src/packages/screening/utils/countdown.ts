/**
 * "还有 2 天 03:04:05" style text for a release countdown or a QR code's life.
 * Days are spelled out because a woman glancing between orders reads "2 天" faster than "51:04:05".
 */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const days = Math.floor(total / 86400)
  const hms = [Math.floor((total % 86400) / 3600), Math.floor((total % 3600) / 60), total % 60]
    .map((n) => String(n).padStart(2, '0'))
    .join(':')
  return days > 0 ? `${days} 天 ${hms}` : hms
}

/** Whole seconds left, never negative: for "12 秒后刷新". */
export function secondsLeft(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / 1000))
}
