/**
 * The mini-program codes (小程序码) the events function prints: booth codes that open the stamp page and
 * checkpoint posters that open the check-in page, each with its signed compact token as `scene` (≤ 32
 * characters, qr-token.compact.ts), so WeChat's own scanner opens the app where the in-app scan would
 * lead. Images are made once per token through the kit (common/wechat-codes.ts), never per view.
 */
import type { AppCodeImage } from '~types/app-code'
import type { BoothRequest, CheckpointCodeRequest, CheckpointPosterDTO } from '~types/events'
import { codePage } from '~types/routes'
import { fail } from '../common/errors'
import type { TokenService } from '../common/qr-token.service'
import type { Codes } from '../common/wechat-codes'
import type { CatalogRepository } from './catalog.repository'
import { checkpointDTO } from './events.dto'

/**
 * The checkpoint a member's scan names: the staff screen's rotating code, or the printed poster's code
 * (version 0, good until the checkpoint closes: a poster cannot rotate, so it is as strong as the
 * window is short). The more telling refusal of the two is reported.
 */
export function scannedCheckpointId(tokens: TokenService, token: string): string {
  const rotating = tokens.verifyRotating(token, 'checkpoint')
  if (rotating.ok) return rotating.claims.subject
  const printed = tokens.verifyPrinted(token, 'checkpoint')
  if (printed.ok && printed.claims.version === 0) return printed.claims.id
  if (!printed.ok && printed.code !== 'TOKEN_INVALID') fail(printed.code, 'token')
  fail(rotating.code, 'token')
}

export function createCodesService({ tokens, catalog, codes }: { tokens: TokenService; catalog: CatalogRepository; codes: Codes }) {
  return {
    /** The booth's current printed code as a mini-program code that opens the stamp page. */
    async boothCodeImage(req: BoothRequest): Promise<AppCodeImage> {
      const booth = await catalog.booth(req.boothId)
      if (!booth || booth.eventId !== req.eventId) fail('NOT_FOUND', 'boothId')
      return codes.image(codePage('eventsStampCard'), tokens.issuePrinted('booth', booth.id, booth.codeVersion))
    },

    /** A poster for self check-in at a checkpoint without a screen: opens the check-in page, which checks her in. */
    async checkpointPoster(req: CheckpointCodeRequest): Promise<CheckpointPosterDTO> {
      const cp = await catalog.checkpoint(req.checkpointId)
      if (!cp || cp.eventId !== req.eventId) fail('NOT_FOUND', 'checkpointId')
      const code = tokens.issuePrinted('checkpoint', cp.id, 0, cp.closesAt)
      return { code, image: await codes.image(codePage('eventsCheckin'), code), checkpoint: checkpointDTO(cp) }
    },
  }
}
