/**
 * One id per logical call; retries reuse it so the server can return the first
 * outcome. No crypto API is guaranteed in the mini-program runtime, so time plus
 * randomness: unique enough per member, and the server scopes ids by caller.
 */
export function newRequestId(now: number = Date.now(), random: () => number = Math.random): string {
  const rand = () =>
    Math.floor(random() * 0x100000000)
      .toString(36)
      .padStart(7, '0')
  return `${now.toString(36)}-${rand()}${rand()}`
}
