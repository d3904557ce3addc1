/** Officers create and edit events, booths, gift tiers and checkpoints, and print or re-issue booth codes. */
import { randomBytes } from 'node:crypto'
import type {
  BoothAdminDTO, BoothCodeDTO, BoothCodesDTO, BoothRequest, CheckpointDTO, EventAdminDTO, GiftTierDTO, SaveBoothRequest,
  SaveCheckpointRequest, SaveEventRequest, SaveTierRequest,
} from '../../types/events'
import { requireOfficer } from '../common/auth'
import { fail } from '../common/errors'
import { MAX_COMPACT_VERSION } from '../common/qr-token.compact'
import {
  boothsOf, bumpBoothVersion, checkpointsOf, getBooth, getCheckpoint, getEvent, getTier, insertEvent, insertTier, putBooth,
  putCheckpoint, tiersOf, updateEvent, updateTier, type BoothRec, type EventRec,
} from './catalog.repository'
import { type EventsDeps, withDeps } from './events.deps'
import { boothAdminDTO, checkpointDTO, detailDTO, tierDTO } from './events.dto'
import { loadEvent } from './stamp.service'

const newId = (prefix: string) => prefix + randomBytes(6).toString('base64url').replace(/[-_]/g, 'x').slice(0, 8)

export async function manageEvent(deps: EventsDeps, officer: string, eventId: string): Promise<EventAdminDTO> {
  await requireOfficer(deps.db, officer)
  const e = await loadEvent(deps, eventId)
  const [booths, tiers, cps] = await Promise.all([boothsOf(deps.db, e.id), tiersOf(deps.db, e.id), checkpointsOf(deps.db, e.id)])
  return { ...detailDTO(e, deps.clock(), null, booths, tiers, cps), booths: booths.map(boothAdminDTO) }
}

export async function saveEvent(deps: EventsDeps, officer: string, req: SaveEventRequest): Promise<EventAdminDTO> {
  await requireOfficer(deps.db, officer)
  const { id, ...fields } = req
  const now = deps.clock()
  if (!id) {
    const rec: EventRec = { id: newId('ev'), ...fields, signedUp: 0, seatsLeft: fields.signUp.capacity }
    await insertEvent(deps.db, rec, now)
    return manageEvent(deps, officer, rec.id)
  }
  const before = (await getEvent(deps.db, id, true)) ?? fail('NOT_FOUND', 'id') // its seat count guards the update
  if (fields.signUp.capacity !== null && fields.signUp.capacity < before.signedUp) fail('INVALID_ARGUMENT', 'signUp.capacity')
  const zoneIds = new Set(fields.zones.map((z) => z.id))
  if ((await boothsOf(deps.db, id)).some((b) => !zoneIds.has(b.zoneId))) fail('INVALID_ARGUMENT', 'zones')
  if (!(await updateEvent(deps.db, before, fields, now))) fail('CONFLICT')
  return manageEvent(deps, officer, id)
}

async function eventOf(deps: EventsDeps, officer: string, eventId: string): Promise<EventRec> {
  await requireOfficer(deps.db, officer)
  return (await getEvent(deps.db, eventId)) ?? fail('NOT_FOUND', 'eventId')
}

/** An existing part must belong to the event named in the request. */
function mine<T extends { eventId: string }>(rec: T | null, eventId: string): T {
  if (!rec || rec.eventId !== eventId) fail('NOT_FOUND', 'id')
  return rec
}

export async function saveBooth(deps: EventsDeps, officer: string, req: SaveBoothRequest): Promise<BoothAdminDTO> {
  const e = await eventOf(deps, officer, req.eventId)
  if (!e.zones.some((z) => z.id === req.zoneId)) fail('INVALID_ARGUMENT', 'zoneId')
  const before = req.id ? mine(await getBooth(deps.db, req.id), e.id) : null
  const order = before?.order ?? (await boothsOf(deps.db, e.id)).length
  const rec: BoothRec = { id: before?.id ?? newId('b'), eventId: e.id, zoneId: req.zoneId, name: req.name, exhibitor: req.exhibitor, codeVersion: before?.codeVersion ?? 0, order }
  await putBooth(deps.db, rec, deps.clock())
  return boothAdminDTO(rec)
}

export async function saveTier(deps: EventsDeps, officer: string, req: SaveTierRequest): Promise<GiftTierDTO> {
  const e = await eventOf(deps, officer, req.eventId)
  const fields = { name: req.name, gift: req.gift, rule: req.rule, stock: req.stock }
  if (!req.id) {
    const rec = { id: newId('t'), eventId: e.id, ...fields, left: req.stock, order: (await tiersOf(deps.db, e.id)).length }
    await insertTier(deps.db, rec, deps.clock())
    return tierDTO(rec)
  }
  const before = mine(await getTier(deps.db, req.id), e.id)
  if (req.stock < before.stock - before.left) fail('INVALID_ARGUMENT', 'stock')
  if (!(await updateTier(deps.db, before, fields, deps.clock()))) {
    // Gifts handed out meanwhile (stock unchanged) may have made the new stock too small; anything else is a rival edit.
    const now = await getTier(deps.db, before.id)
    if (now && now.stock === before.stock && req.stock < now.stock - now.left) fail('INVALID_ARGUMENT', 'stock')
    fail('CONFLICT')
  }
  return tierDTO((await getTier(deps.db, before.id))!)
}

export async function saveCheckpoint(deps: EventsDeps, officer: string, req: SaveCheckpointRequest): Promise<CheckpointDTO> {
  const e = await eventOf(deps, officer, req.eventId)
  const before = req.id ? mine(await getCheckpoint(deps.db, req.id), e.id) : null
  const order = req.order ?? before?.order ?? (await checkpointsOf(deps.db, e.id)).length
  const rec = { id: before?.id ?? newId('p'), eventId: e.id, name: req.name, opensAt: req.opensAt, closesAt: req.closesAt, order }
  await putCheckpoint(deps.db, rec, deps.clock())
  return checkpointDTO(rec)
}

function codeDTO(deps: EventsDeps, e: EventRec, b: BoothRec): BoothCodeDTO {
  return {
    boothId: b.id, boothName: b.name, zoneName: e.zones.find((z) => z.id === b.zoneId)?.name ?? '', exhibitor: b.exhibitor,
    code: deps.tokens.issuePrinted('booth', b.id, b.codeVersion), version: b.codeVersion,
  }
}

export async function boothCodes(deps: EventsDeps, officer: string, eventId: string): Promise<BoothCodesDTO> {
  const e = await eventOf(deps, officer, eventId)
  const booths = await boothsOf(deps.db, e.id)
  return { eventId: e.id, eventTitle: e.title, codes: booths.map((b) => codeDTO(deps, e, b)) }
}

/** Bumps the booth's code version: every code printed before stops working (TOKEN_REVOKED). */
export async function reissueBoothCode(deps: EventsDeps, officer: string, req: BoothRequest): Promise<BoothCodeDTO> {
  const e = await eventOf(deps, officer, req.eventId)
  const booth = mine(await getBooth(deps.db, req.boothId), e.id)
  if (booth.codeVersion >= MAX_COMPACT_VERSION) fail('CONFLICT')
  if (!(await bumpBoothVersion(deps.db, booth, deps.clock()))) fail('CONFLICT')
  return codeDTO(deps, e, { ...booth, codeVersion: booth.codeVersion + 1 })
}

/** Officers set up events, booths, gift tiers and checkpoints. */
export function createAdminService(deps: EventsDeps) {
  return withDeps(deps, { manageEvent, saveEvent, saveBooth, saveTier, saveCheckpoint, boothCodes, reissueBoothCode })
}
