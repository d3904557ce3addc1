/**
 * The staff invite as a mini-program code (小程序码): WeChat's own scanner opens the redeem page with
 * the invite code as `scene` (8 characters of the invite alphabet), and the page fills it in for her
 * to confirm. Only the officer who made the invite may have it, while it can still be used, as only
 * she saw the code. The code is stored only as a hash, so its image is never kept either (`secret`,
 * common/wechat-codes.ts): it is made per request, which only its maker sends, rarely.
 */
import type { AppCodeImage } from '~types/app-code'
import { codePage } from '~types/routes'
import type { Clock } from '../common/clock'
import { fail } from '../common/errors'
import type { Codes } from '../common/wechat-codes'
import type { InviteRepository } from './invite.repository'
import { inviteId, normalizeInviteCode } from './invite.rules'

export function createInviteCodeService({ clock, invites, codes }: { clock: Clock; invites: InviteRepository; codes: Codes }) {
  return {
    async inviteCodeImage(officer: string, raw: string): Promise<AppCodeImage> {
      const code = normalizeInviteCode(raw) ?? fail('INVALID_ARGUMENT', 'code')
      const invite = await invites.get(inviteId(code))
      if (!invite || invite.createdBy !== officer) fail('NOT_FOUND', 'code')
      if (invite.usedBy) fail('INVITE_USED')
      if (invite.state === 'revoked') fail('INVITE_REVOKED')
      if (invite.expiresAt <= clock()) fail('INVITE_EXPIRED')
      return codes.image(codePage('staff'), code, { secret: true })
    },
  }
}
