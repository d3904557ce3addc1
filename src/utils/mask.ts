/** Hides the middle of a phone or card number on screen, e.g. 138****0123, so a glance over the shoulder reveals little. */
export function maskMiddle(value: string, keepStart = 3, keepEnd = 4): string {
  if (!value) return ''
  if (value.length <= keepStart + keepEnd) return value.replace(/.(?=.)/g, '*')
  return value.slice(0, keepStart) + '*'.repeat(value.length - keepStart - keepEnd) + value.slice(-keepEnd)
}
