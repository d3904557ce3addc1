import { useCallback, useRef, useState } from 'react'
import { messageOf } from '../services/api'

/** A refusal the page itself decides (a missing reason, an unfilled field): its message is shown as written. */
export class Refusal extends Error {}

export interface Action<A extends unknown[], R> {
  /** Runs the action unless one is already running (a second tap is ignored); resolves to its value, or undefined when it failed. */
  run: (...args: A) => Promise<R | undefined>
  busy: boolean
  /** The failure as the Chinese message to show; cleared when the action runs again. */
  error: string
  setError: (message: string) => void
}

export interface ActionOptions<A extends unknown[]> {
  /**
   * Asked before the action starts (a confirmation, src/services/dialog.ts): while she reads the
   * dialog the button is not busy and a second tap opens nothing; false ends the tap with nothing done.
   */
  ask?: (...args: A) => Promise<boolean> | boolean
}

/**
 * Busy flag, error message and a double-tap guard for anything a person
 * triggers (book, redeem, save). Replaces the hand-written try/finally blocks.
 */
export function useAction<A extends unknown[], R>(fn: (...args: A) => Promise<R>, opts: ActionOptions<A> = {}): Action<A, R> {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const running = useRef(false)
  const fnRef = useRef(fn)
  fnRef.current = fn
  const askRef = useRef(opts.ask)
  askRef.current = opts.ask
  const run = useCallback(async (...args: A) => {
    if (running.current) return undefined
    running.current = true
    try {
      if (askRef.current && !(await askRef.current(...args))) return undefined
      setBusy(true)
      setError('')
      return await fnRef.current(...args)
    } catch (err) {
      setError(err instanceof Refusal ? err.message : messageOf(err))
      return undefined
    } finally {
      running.current = false
      setBusy(false)
    }
  }, [])
  return { run, busy, error, setError }
}
