/** UTC milliseconds. Services take a clock so tests can fix time. */
export type Clock = () => number
export const systemClock: Clock = () => Date.now()
