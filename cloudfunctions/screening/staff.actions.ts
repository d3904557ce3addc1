/**
 * Actions of site staff and officers. A staff member acts only at the site of the booking, session or
 * scanned code the input names: the scope resolvers below read that site (one read) before the action
 * runs; a name that does not exist is NOT_FOUND, as the action itself would answer.
 */
import type { ScopeContext } from '../common/auth'
import { COLLECTIONS } from '../common/collections'
import { fail } from '../common/errors'
import { action, type ActionContext, rerun } from '../common/function'
import { type OwnerOf, ownedDoc, ownerFor, unionNamed } from '../common/unions'
import { createCatalogRepository } from './catalog.repository'
import { servicesOf } from './screening.context'
import { bookingTable } from './booking-table.schema'
import * as S from './screening.schemas'

const siteOfBooking = async (i: { bookingId: string }, c: ScopeContext) =>
  ((await servicesOf(c).repos.bookings.byRef(i.bookingId)) ?? fail('NOT_FOUND', 'bookingId')).siteId
const siteOfSession = async (i: { sessionId: string }, c: ScopeContext) =>
  ((await servicesOf(c).repos.catalog.session(i.sessionId)) ?? fail('NOT_FOUND', 'sessionId')).siteId
/** A code that does not verify is refused with its own reason (TOKEN_EXPIRED…), not FORBIDDEN. */
const siteOfCode = async (i: { token: string }, c: ScopeContext) => (await servicesOf(c).desk.bookingOfCode(i.token)).siteId

/** An officer whose subtree owns the programme the request names (issue 20). */
const programmeOwner = { officer: ownedDoc(COLLECTIONS.screeningProgrammes, (i: { programmeId?: string }) => i.programmeId) }
/** The sweep of one programme is its owner's; the whole city's sweep is the city's (no district owns it). */
const sweepOwner: OwnerOf<{ programmeId?: string }> = async (i, c) => (i.programmeId ? programmeOwner.officer(i, c) : [])
/**
 * Sites a new programme names that exist already stay their owner's: she may name them only if her
 * subtree owns every one. Their paths' common start holds her node exactly when each path does.
 */
const sitesOwner: OwnerOf<{ sites: { id: string }[] }> = async (i, c) => {
  const found = await createCatalogRepository(c.db).sites(i.sites.map((s) => s.id))
  if (found.length === 0) return undefined
  const paths = found.map((s) => s.unionPath ?? [])
  return paths[0].filter((id, k) => paths.every((p) => p[k] === id))
}

const desk = (ctx: ActionContext) => ({ openid: ctx.openid, requestId: ctx.requestId ?? null })
const found = <T>(data: T | null) => (data === null ? undefined : { data })

export const staffActions = {
  staffSessions: action({
    input: S.staffSessions,
    auth: { staff: 'site' }, // her own sites' sessions (an officer's: her subtree's sites)
    run: (i, ctx) => servicesOf(ctx).desk.staffSessions(ctx.account, i.date, ctx.officer),
  }),
  staffBookings: action({
    input: S.sessionRef,
    auth: { staff: 'site', of: siteOfSession },
    run: (i, ctx) => servicesOf(ctx).desk.staffBookings(i.sessionId),
  }),
  checkIn: action({
    input: S.checkIn,
    auth: { staff: 'site', of: siteOfCode },
    mutation: true,
    recover: async (i, ctx) => found(await servicesOf(ctx).desk.checkedInBy(i.token, ctx.requestId ?? null)),
    run: (i, ctx) => servicesOf(ctx).desk.checkIn(desk(ctx), i.token),
  }),
  markNoShows: action({
    input: S.sessionRef,
    auth: { staff: 'site', of: siteOfSession },
    mutation: true,
    recover: async (i, ctx) => found(await servicesOf(ctx).desk.noShowsBy(i.sessionId, ctx.requestId ?? null)),
    run: (i, ctx) => servicesOf(ctx).desk.markNoShows(desk(ctx), i.sessionId),
  }),
  markResult: action({
    input: S.markResult,
    auth: { staff: 'site', of: siteOfBooking },
    mutation: true,
    recover: async (i, ctx) => found(await servicesOf(ctx).results.writtenBy(i.bookingId, ctx.requestId ?? null, false)),
    run: (i, ctx) => servicesOf(ctx).results.markResult(desk(ctx), i),
  }),
  readResult: action({
    input: S.bookingRef,
    auth: { staff: 'site', of: siteOfBooking },
    run: (i, ctx) => servicesOf(ctx).results.readResult(ctx.openid, i.bookingId),
  }),
  deskResult: action({
    input: S.bookingRef,
    auth: { staff: 'site', of: siteOfBooking },
    run: (i, ctx) => servicesOf(ctx).results.deskResult(ctx.openid, i.bookingId),
  }),
  correctResult: action({
    input: S.correctResult,
    auth: { staff: 'site', of: siteOfBooking },
    mutation: true,
    recover: async (i, ctx) => found(await servicesOf(ctx).results.writtenBy(i.bookingId, ctx.requestId ?? null, true)),
    run: (i, ctx) => servicesOf(ctx).results.correctResult(desk(ctx), i),
  }),
  officerProgrammes: action({
    input: S.empty,
    auth: 'officer', // narrowed to her subtree by the service
    run: (_i, ctx) => servicesOf(ctx).programmes.ownedBy(ctx.officer!),
  }),
  createProgramme: action({
    input: S.createProgramme,
    auth: { officer: [unionNamed((i: { unionId?: string }) => i.unionId), sitesOwner] },
    mutation: true,
    recover: async (i, ctx) => found(await servicesOf(ctx).programmes.createdBy(i.id, ctx.requestId ?? null)),
    run: async (i, ctx) =>
      servicesOf(ctx).programmes.create(ctx.openid, i, ctx.requestId ?? null, await ownerFor(ctx.db, ctx.officer!, i.unionId, i.organiser)),
  }),
  dashboard: action({ input: S.programmeRef, auth: programmeOwner, run: (i, ctx) => servicesOf(ctx).reports.dashboard(i.programmeId) }),
  exportBookings: action({
    input: S.exportBookings,
    auth: programmeOwner,
    run: (i, ctx) => servicesOf(ctx).reports.exportBookings(ctx.openid, i.programmeId, i.full ?? false, i.reason),
  }),
  // The console's bookings table: her programme's, masked as the masked export (issue 18).
  bookingTable: action({ input: bookingTable, auth: programmeOwner, run: (i, ctx) => servicesOf(ctx).bookingTable.bookingTable(i) }),
  sweep: action({
    input: S.sweep,
    auth: { officer: sweepOwner },
    mutation: true,
    recover: rerun, // every step of the sweep is conditional, so running it again changes only what is still due
    run: (i, ctx) => servicesOf(ctx).sweeper.sweep(i.programmeId),
  }),
}
