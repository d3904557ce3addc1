/**
 * Officers create and edit events, booths, gift tiers and checkpoints, and print or re-issue booth
 * codes. A new part's id is derived from the request that creates it, so a retry of a create whose
 * call died finds what its first call wrote instead of creating a second one.
 */
import { createHash, randomBytes } from 'node:crypto'
import type {
  BoothAdminDTO,
  BoothCodeDTO,
  BoothCodesDTO,
  BoothRequest,
  CheckpointDTO,
  EventAdminDTO,
  GiftTierDTO,
  SaveBoothRequest,
  SaveCheckpointRequest,
  SaveEventRequest,
  SaveTierRequest,
} from '~types/events'
import type { Clock } from '../common/clock'
import { fail } from '../common/errors'
import { MAX_COMPACT_VERSION } from '../common/qr-token.compact'
import type { TokenService } from '../common/qr-token.service'
import { audienceWithin, type Owner } from '../common/unions'
import type { BoothRec, CatalogRepository, EventRec, TierRec } from './catalog.repository'
import { loadEvent } from './event-reads'
import { boothAdminDTO, checkpointDTO, detailDTO, tierDTO } from './events.dto'

interface AdminDeps {
  clock: Clock
  tokens: TokenService
  catalog: CatalogRepository
}

/** Who asks and with which request id: a new part's id comes from them. */
interface Creator {
  openid: string
  requestId: string | null
}

/** 8 characters after the prefix (booth ids travel inside printed codes: ≤ 10 in all). */
function newId(prefix: string, by: Creator): string {
  const raw = by.requestId ? createHash('sha256').update(`${by.openid}:${by.requestId}:${prefix}`).digest() : randomBytes(6)
  return prefix + raw.toString('base64url').replace(/[-_]/g, 'x').slice(0, 8)
}

/** An existing part must belong to the event named in the request. */
function mine<T extends { eventId: string }>(rec: T | null, eventId: string, field = 'id'): T {
  if (!rec || rec.eventId !== eventId) fail('NOT_FOUND', field)
  return rec
}

export function createAdminService({ clock, tokens, catalog }: AdminDeps) {
  async function manageEvent(eventId: string): Promise<EventAdminDTO> {
    const e = await loadEvent(catalog, eventId)
    const [booths, tiers, cps] = await Promise.all([catalog.booths(e.id), catalog.tiers(e.id), catalog.checkpoints(e.id)])
    return { ...detailDTO(e, clock(), null, booths, tiers, cps), booths: booths.map(boothAdminDTO) }
  }

  /** An edit keeps the event's owner (issue 20); the 主办 text changes only on an event written before the tree. */
  async function updateEvent(id: string, { organiser, ...fields }: Omit<SaveEventRequest, 'id' | 'unionId'>): Promise<void> {
    const before = (await catalog.event(id, true)) ?? fail('NOT_FOUND', 'id') // its seat count guards the update
    if (fields.signUp.capacity !== null && fields.signUp.capacity < before.signedUp) fail('INVALID_ARGUMENT', 'signUp.capacity')
    const zoneIds = new Set(fields.zones.map((z) => z.id))
    if ((await catalog.booths(id)).some((b) => !zoneIds.has(b.zoneId))) fail('INVALID_ARGUMENT', 'zones')
    const named = before.unionId ? before.organiser : organiser?.trim() || before.organiser
    if (!(await catalog.updateEvent(before, { ...fields, organiser: named }, clock()))) fail('CONFLICT')
  }

  function codeDTO(e: EventRec, b: BoothRec): BoothCodeDTO {
    return {
      boothId: b.id,
      boothName: b.name,
      zoneName: e.zones.find((z) => z.id === b.zoneId)?.name ?? '',
      exhibitor: b.exhibitor,
      code: tokens.issuePrinted('booth', b.id, b.codeVersion),
      version: b.codeVersion,
    }
  }

  async function updateTier(before: TierRec, req: SaveTierRequest): Promise<GiftTierDTO> {
    if (req.stock < before.stock - before.left) fail('INVALID_ARGUMENT', 'stock')
    if (!(await catalog.updateTier(before, { name: req.name, gift: req.gift, rule: req.rule, stock: req.stock }, clock()))) {
      // Gifts handed out meanwhile (stock unchanged) may have made the new stock too small; anything else is a rival edit.
      const now = await catalog.tier(before.id)
      if (now && now.stock === before.stock && req.stock < now.stock - now.left) fail('INVALID_ARGUMENT', 'stock')
      fail('CONFLICT')
    }
    return tierDTO((await catalog.tier(before.id))!)
  }

  return {
    manageEvent,

    /**
     * Safe to run again: a create finds the event its request made, an edit sets the same fields. A new
     * event is stamped with its owner (`owner`: unions.ts ownerFor) and, for a district's or grassroots
     * union's, a sign-up audience of its own members.
     */
    async saveEvent(by: Creator, req: SaveEventRequest, owner: Owner | null): Promise<EventAdminDTO> {
      const { id, unionId: _named, ...fields } = req
      if (id) await updateEvent(id, fields)
      const created = id ?? newId('ev', by)
      if (!id) {
        const stamp = owner ?? { unionId: null, unionPath: [], organiser: fields.organiser ?? '' }
        const rec = { id: created, ...fields, ...stamp, within: audienceWithin(stamp), signedUp: 0, seatsLeft: fields.signUp.capacity }
        await catalog.insertEvent(rec, clock())
      }
      return manageEvent(created)
    },

    async saveBooth(by: Creator, req: SaveBoothRequest): Promise<BoothAdminDTO> {
      const e = await loadEvent(catalog, req.eventId)
      if (!e.zones.some((z) => z.id === req.zoneId)) fail('INVALID_ARGUMENT', 'zoneId')
      const before = req.id ? mine(await catalog.booth(req.id), e.id) : null
      const order = before?.order ?? (await catalog.booths(e.id)).length
      const rec: BoothRec = {
        id: before?.id ?? newId('b', by),
        eventId: e.id,
        zoneId: req.zoneId,
        name: req.name,
        exhibitor: req.exhibitor,
        codeVersion: before?.codeVersion ?? 0,
        order,
      }
      if (await catalog.putBooth(rec, clock(), !before)) return boothAdminDTO(rec)
      return boothAdminDTO((await catalog.booth(rec.id))!) // this request created it before
    },

    async saveTier(by: Creator, req: SaveTierRequest): Promise<GiftTierDTO> {
      const e = await loadEvent(catalog, req.eventId)
      if (req.id) return updateTier(mine(await catalog.tier(req.id), e.id), req)
      const rec = {
        id: newId('t', by),
        eventId: e.id,
        name: req.name,
        gift: req.gift,
        rule: req.rule,
        stock: req.stock,
        left: req.stock,
        order: (await catalog.tiers(e.id)).length,
      }
      if (await catalog.insertTier(rec, clock())) return tierDTO(rec)
      return tierDTO((await catalog.tier(rec.id))!) // this request created it before
    },

    async saveCheckpoint(by: Creator, req: SaveCheckpointRequest): Promise<CheckpointDTO> {
      const e = await loadEvent(catalog, req.eventId)
      const before = req.id ? mine(await catalog.checkpoint(req.id), e.id) : null
      const order = req.order ?? before?.order ?? (await catalog.checkpoints(e.id)).length
      const rec = { id: before?.id ?? newId('p', by), eventId: e.id, name: req.name, opensAt: req.opensAt, closesAt: req.closesAt, order }
      if (await catalog.putCheckpoint(rec, clock(), !before)) return checkpointDTO(rec)
      return checkpointDTO((await catalog.checkpoint(rec.id))!) // this request created it before
    },

    async boothCodes(eventId: string): Promise<BoothCodesDTO> {
      const e = await loadEvent(catalog, eventId)
      return { eventId: e.id, eventTitle: e.title, codes: (await catalog.booths(e.id)).map((b) => codeDTO(e, b)) }
    },

    /** Bumps the booth's code version: every code printed before stops working (TOKEN_REVOKED). */
    async reissueBoothCode(req: BoothRequest, requestId: string | null): Promise<BoothCodeDTO> {
      const e = await loadEvent(catalog, req.eventId)
      const booth = mine(await catalog.booth(req.boothId), e.id, 'boothId')
      if (booth.codeVersion >= MAX_COMPACT_VERSION) fail('CONFLICT')
      if (!(await catalog.bumpBoothVersion(booth, clock(), requestId))) fail('CONFLICT')
      return codeDTO(e, { ...booth, codeVersion: booth.codeVersion + 1 })
    },

    /** The code a re-issue that died gave, if it bumped the version (the booth names the request); undefined otherwise. */
    async reissuedBy(req: BoothRequest, requestId: string): Promise<BoothCodeDTO | undefined> {
      const [e, stored] = await Promise.all([catalog.event(req.eventId), catalog.boothAfresh(req.boothId)])
      if (!e || !stored || stored.booth.eventId !== e.id || stored.codeRequestId !== requestId) return undefined
      return codeDTO(e, stored.booth)
    },
  }
}
