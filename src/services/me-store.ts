import type { MeDTO } from '~types/member'
import { call } from './api'

/**
 * The signed-in member as the server last described them, shared by pages so
 * the home page, 我的 and the staff/officer entries agree without refetching.
 */
let current: MeDTO | null = null

export function cachedMe(): MeDTO | null {
  return current
}

export function rememberMe(me: MeDTO | null): void {
  current = me
}

export async function loadMe(options: { silent?: boolean } = {}): Promise<MeDTO> {
  current = await call('member', 'me', {}, { silent: options.silent })
  return current
}
